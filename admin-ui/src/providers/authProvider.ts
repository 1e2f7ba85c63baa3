import type { AuthProvider } from 'react-admin';
import { API_ROOT, acceptLanguage } from './http';

import { staffCan, type StaffRole } from '../../../domain/staffRoles';

export type { StaffRole };
export interface Staff {
    id: number | string;
    username: string;
    name: string;
    role: StaffRole;
}

/** Resources a reviewer may read; supervisors may do everything. */
const REVIEWER_RESOURCES = ['flows', 'accounts', 'enterprises', 'cards', 'audit-events'];
const READ_ACTIONS = ['list', 'show', 'export'];

class AuthHttpError extends Error {
    constructor(
        message: string,
        public status: number
    ) {
        super(message);
    }
}

const request = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${API_ROOT}${path}`, {
        method,
        credentials: 'same-origin',
        headers: {
            Accept: 'application/json',
            'Accept-Language': acceptLanguage(),
            ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    let json: any = null;
    try {
        json = text ? JSON.parse(text) : null;
    } catch {
        json = null;
    }
    if (!response.ok) {
        const message =
            json?.error?.fields?.password?.message ??
            json?.error?.message ??
            (response.status === 401 ? 'ra.auth.auth_check_error' : 'ra.auth.sign_in_error');
        throw new AuthHttpError(message, response.status);
    }
    return json;
};

// The current staff member, cached briefly to avoid one /me call per check. "Nobody logged in"
// is an answer too and is cached the same way: otherwise every check (identity, permissions,
// access) asked again, failed, and react-admin retried each with back-off — seconds of spinner
// before the login form.
let staffPromise: Promise<Staff | null> | null = null;
let staffFetchedAt = 0;
const STAFF_TTL_MS = 30_000;

const fetchStaff = (): Promise<Staff | null> => {
    if (!staffPromise || Date.now() - staffFetchedAt > STAFF_TTL_MS) {
        staffFetchedAt = Date.now();
        staffPromise = request('GET', '/me').then(
            (json) => (json?.staff ? (json.staff as Staff) : null),
            (err: unknown) => {
                if (err instanceof AuthHttpError && err.status === 401) return null;
                staffPromise = null; // a network problem: ask again next time
                throw err;
            },
        );
    }
    return staffPromise;
};

const forgetStaff = () => {
    staffPromise = null;
    staffFetchedAt = 0;
};

export const canRoleAccess = (role: StaffRole | undefined, resource: string, action: string) => {
    if (role === 'supervisor') return true;
    // Review queues (V1–V3): the roles that work cases; reasons are configured by supervisors and
    // system administrators, who decide no cases (domain/staffRoles.ts, enforced by the API).
    if (resource === 'reviews') return staffCan(role, 'cases.work');
    if (resource === 'review-reasons') return staffCan(role, 'reviews.configure') || READ_ACTIONS.includes(action);
    if (role === 'reviewer') {
        return REVIEWER_RESOURCES.includes(resource) && READ_ACTIONS.includes(action);
    }
    return false;
};

export const authProvider: AuthProvider = {
    login: async ({ username, password }: { username: string; password: string }) => {
        forgetStaff();
        const json = await request('POST', '/login', { username, password });
        if (json?.staff) {
            staffPromise = Promise.resolve(json.staff as Staff);
            staffFetchedAt = Date.now();
        }
    },
    logout: async () => {
        forgetStaff();
        try {
            await request('POST', '/logout');
        } catch {
            // already logged out
        }
    },
    checkAuth: async () => {
        if (!(await fetchStaff())) throw new AuthHttpError('ra.auth.auth_check_error', 401);
    },
    checkError: async (error: { status?: number }) => {
        if (error?.status === 401) {
            forgetStaff();
            throw new Error('ra.notification.logged_out');
        }
        // 403 and others: stay logged in, react-admin shows the notification
    },
    // Logged out, these answer without failing (checkAuth sends the browser to the login form).
    getIdentity: async () => {
        const staff = await fetchStaff();
        return staff ? { id: staff.id, fullName: staff.name || staff.username } : { id: '' };
    },
    getPermissions: async () => (await fetchStaff())?.role,
    canAccess: async ({ resource, action }) => canRoleAccess((await fetchStaff())?.role, resource, action),
};
