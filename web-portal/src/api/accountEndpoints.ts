// The portal's calls of the account center (docs/api.md: A1–A3, A5, A6, N6, N7) and their shapes.
import { api } from './client';
import type { Account, EnterpriseView, FlowState } from './types';

export type AccountKind = 'admin' | 'operator' | 'individual' | 'overseas' | 'department';

export interface EnterpriseInfo {
  uscc: string;
  orgCode: string;
  name: string;
  legalRepName: string;
}

export interface OverseasInfo {
  country: string;
  regNo: string;
  contact: string;
  contactPhone: string;
  organization: string;
  department: string;
  jobTitle: string;
  address: string;
  fax: string;
  notes: string;
}

/** GET /api/account: what the account's type shows, and what it may change. */
export type AccountCenterView = Omit<Account, 'kind' | 'enterprise'> & {
  kind: AccountKind;
  enterprise: (EnterpriseView & { address: string; englishName: string; infoSyncedAt: string | null }) | null;
  realNameLevel: 'none' | 'medium' | 'high';
  /** How the level was reached: 'icCard' for a bound card whose holder matches (N4). */
  realNameMethod?: '' | 'icCard';
  migrated: boolean;
  mobileLogin: boolean;
  hasIdDocument: boolean;
  card: { cardNo: string; cardType: 'legal' | 'operator'; holderName: string } | null;
  overseas: OverseasInfo | null;
  enterpriseInfo: EnterpriseInfo | null;
  can: { identity: boolean; legalRep: boolean; enterpriseInfo: boolean; overseasInfo: boolean; enterpriseSync: boolean };
};

/** N6: what a change did (200) or would do (409 account.confirmConsequences, error.consequences). */
export interface Consequences {
  realNameVoided: Array<{ accountId: number; username: string; level: string }>;
  cardsUnbound: Array<{ cardNo: string; accountId: number; username: string }>;
}

export interface ChangeResult {
  account: AccountCenterView;
  changed: string[];
  consequences: Consequences;
}

export interface SyncChange {
  field: 'name' | 'orgCode' | 'legalRepName' | 'legalRepIdType' | 'legalRepIdNumber' | 'englishName' | 'address';
  source: 'market' | 'mofcom';
  current: string;
  incoming: string;
}

export interface EnterpriseSyncPreview {
  sources: {
    market: { found: boolean; status?: string };
    mofcom: { found: boolean; status?: string; filingNo?: string; importExportCode?: string; filingDate?: string };
  };
  changes: SyncChange[];
  syncedAt: string | null;
}

type Confirmable<T> = T & { confirm?: boolean };

export const accountCenterApi = {
  get: () => api.get<AccountCenterView>('/api/account'),
  changeIdentity: (body: Confirmable<{ name: string; idType: string; idNumber: string; idValidFrom: string; idValidTo: string }>) =>
    api.put<ChangeResult>('/api/account/identity', body),
  changeLegalRep: (body: Confirmable<{ legalRepName: string; legalRepIdType: string; legalRepIdNumber: string; legalRepIdValidFrom: string; legalRepIdValidTo: string }>) =>
    api.put<ChangeResult>('/api/account/legal-rep', body),
  changeEnterpriseInfo: (body: Confirmable<EnterpriseInfo>) => api.put<ChangeResult>('/api/account/enterprise-info', body),
  changeOverseas: (body: Confirmable<Omit<OverseasInfo, 'country' | 'regNo'>>) => api.put<ChangeResult>('/api/account/overseas', body),
  fillRegNo: (regNo: string) => api.post<{ account: AccountCenterView }>('/api/account/overseas/reg-no', { regNo }),
  startFlow: (type: 'changeMobile' | 'changeEmail') => api.post<FlowState>('/api/account/flows', { type }),
  setMobileLogin: (enabled: boolean) => api.put<{ account: AccountCenterView }>('/api/account/settings/mobile-login', { enabled }),
  govSync: () => api.post<{ receiptNo: string; receivedAt: string }>('/api/account/settings/gov-sync'),
  syncPreview: () => api.get<EnterpriseSyncPreview>('/api/account/enterprise-sync'),
  syncApply: (confirm: boolean) => api.post<ChangeResult>('/api/account/enterprise-sync', { confirm }),
};
