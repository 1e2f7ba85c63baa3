// The portal's calls of the enterprise's management pages (docs/api.md: operators O1/O4/O6,
// qualifications Q1, app permissions Q2, applications).
import type { AppPermissionCategory, QualificationSection } from '../../../domain';
import { api } from './client';
import type { Operator } from './types';

export type ManagedOperator = Operator & {
  migrated?: boolean;
  realNameLevel?: 'none' | 'medium' | 'high';
  remark?: string;
};

export interface OperatorPage {
  items: ManagedOperator[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OperatorEditBody {
  name: string;
  mobile: string;
  idType: string;
  idNumber: string;
  idValidFrom: string;
  idValidTo: string;
  email: string;
  status: 'active' | 'disabled';
}

export type EditedOperator = ManagedOperator & { consequences: { cardUnbound: string | null; realNameVoided: boolean } };

export interface QualificationsView {
  enterprise: { uscc: string; orgCode: string; name: string; kind: string; legalRepName: string; legalRepIdType: string; legalRepIdNumberMasked: string };
  sections: Record<QualificationSection, { fields: Record<string, string>; updatedAt: string | null; syncedAt: string | null }>;
  changed?: string[];
}

export interface OperatorPermissions {
  id: number;
  username: string;
  name: string;
  status: string;
  customised: boolean;
  items: string[];
  updatedAt: string | null;
}

export interface PermissionsView {
  catalogue?: AppPermissionCategory[];
  enterprise: { items: string[]; updatedAt: string | null };
  operators: OperatorPermissions[];
}

export interface MyApps {
  items: string[];
  categories: AppPermissionCategory[];
  reason: string | null;
}

export interface LaunchTicket {
  ticket: string;
  item: string;
  expiresAt: string;
  ttlSeconds: number;
  url: string;
}

export interface RedeemedTicket {
  item: string;
  account: { id: number; username: string; name: string; kind: string };
  enterprise: { uscc: string; name: string } | null;
}

const id = (n: number) => encodeURIComponent(String(n));

export const manageApi = {
  operators: (q: { username?: string; name?: string; page?: number; pageSize?: number }) => {
    const params = new URLSearchParams();
    if (q.username) params.set('username', q.username);
    if (q.name) params.set('name', q.name);
    if (q.page) params.set('page', String(q.page));
    if (q.pageSize) params.set('pageSize', String(q.pageSize));
    const qs = params.toString();
    return api.get<OperatorPage>(`/api/operators${qs ? `?${qs}` : ''}`);
  },
  updateOperator: (opId: number, body: OperatorEditBody) => api.put<EditedOperator>(`/api/operators/${id(opId)}`, body),
  resetPassword: (opId: number) => api.post<{ username: string; mustChangePassword: boolean }>(`/api/operators/${id(opId)}/reset-password`),
  releasedUsernames: () => api.get<{ items: string[] }>('/api/operators/released-usernames'),

  qualifications: () => api.get<QualificationsView>('/api/qualifications'),
  saveQualification: (section: QualificationSection, fields: Record<string, string>) =>
    api.put<QualificationsView>(`/api/qualifications/${section}`, { fields }),
  syncQualifications: (source: 'market' | 'mofcom') => api.post<QualificationsView & { source: string }>('/api/qualifications/sync', { source }),

  permissions: () => api.get<PermissionsView>('/api/permissions'),
  saveEnterprisePermissions: (items: string[]) => api.put<PermissionsView & { items: string[] }>('/api/permissions/enterprise', { items }),
  saveOperatorPermissions: (opId: number, items: string[]) => api.put<PermissionsView & { items: string[] }>(`/api/permissions/operators/${id(opId)}`, { items }),
  inheritPermissions: (opId: number) => api.del<PermissionsView>(`/api/permissions/operators/${id(opId)}`),

  myApps: () => api.get<MyApps>('/api/apps'),
  launch: (item: string) => api.post<LaunchTicket>(`/api/apps/${encodeURIComponent(item)}/launch`),
  redeem: (ticket: string) => api.post<RedeemedTicket>('/api/apps/tickets/redeem', { ticket }),
};
