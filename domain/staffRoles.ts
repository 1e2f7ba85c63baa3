// What each staff role of the console may do, declared once: the API checks it on every admin
// route (requireStaff with a permission) and the console hides what a role cannot do.
// The system administrator configures (reasons, settings, staff) and decides no cases; reviewers
// decide; supervisors see everything and assign.
export type StaffRole = 'supervisor' | 'reviewer' | 'sysadmin';

export type StaffPermission =
  | 'cases.work' // see the review queues, the case data and its images; claim, release, decide
  | 'cases.assign' // give a case to a clerk
  | 'reviews.configure' // review reasons and review settings
  | 'registry.edit' // the registry simulator's records
  | 'outbox.read'; // the SMS and mail outbox

export const STAFF_PERMISSIONS: Record<StaffRole, readonly StaffPermission[]> = {
  reviewer: ['cases.work'],
  supervisor: ['cases.work', 'cases.assign', 'reviews.configure', 'registry.edit', 'outbox.read'],
  sysadmin: ['reviews.configure'],
};

export function staffCan(role: string | undefined, permission: StaffPermission): boolean {
  return Boolean(role && (STAFF_PERMISSIONS[role as StaffRole] ?? []).includes(permission));
}
