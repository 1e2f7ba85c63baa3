// Review queues (V1): case types, statuses and the filters of the list. Names are translation keys.
export const CASE_TYPES = ['passwordRecovery', 'usernameRecovery'].map((id) => ({ id, name: `sw.review.caseType.${id}` }));
export const CASE_STATUSES = ['open', 'pending', 'secondApproval', 'moreInfo', 'approved', 'rejected', 'closed'].map((id) => ({
    id,
    name: `sw.review.status.${id}`,
}));
export const ASSIGNEE_CHOICES = [
    { id: 'me', name: 'sw.review.assignee.me' },
    { id: 'none', name: 'sw.review.assignee.none' },
];
export const AGE_CHOICES = [
    { id: '24', name: 'sw.review.age.24' },
    { id: '48', name: 'sw.review.age.48' },
    { id: '168', name: 'sw.review.age.168' },
];
export const DECISIONS = ['approve', 'reject', 'more'] as const;
export type Decision = (typeof DECISIONS)[number];
