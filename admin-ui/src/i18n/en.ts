import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

/** Console resources, field labels and enumerations (English). */
export const consoleEnglish = {
    resources: {
        enterprises: {
            name: 'Enterprise |||| Enterprises',
            fields: {
                id: 'ID',
                q: 'Search',
                uscc: 'Unified social credit code',
                orgCode: 'Organization code',
                name: 'Enterprise name',
                legalRepName: 'Legal representative',
                legalRepIdType: 'Legal rep. ID type',
                legalRepIdNumberMasked: 'Legal rep. ID number',
                legalRepIdValidFrom: 'ID valid from',
                legalRepIdValidTo: 'ID valid to',
                realNameLevel: 'Real-name level',
                createdAt: 'Created at',
                updatedAt: 'Updated at',
            },
        },
        accounts: {
            name: 'Account |||| Accounts',
            fields: {
                id: 'ID',
                q: 'Search',
                username: 'Username',
                kind: 'Kind',
                name: 'Name',
                enterprise: 'Enterprise',
                enterpriseName: 'Enterprise',
                'enterprise.name': 'Enterprise',
                'enterprise.uscc': 'Unified social credit code',
                idType: 'ID type',
                idNumberMasked: 'ID number',
                idValidFrom: 'ID valid from',
                idValidTo: 'ID valid to',
                mobile: 'Mobile',
                email: 'Email',
                status: 'Status',
                mustChangePassword: 'Must change password',
                createdAt: 'Registered at',
                lastLoginAt: 'Last login',
            },
        },
        outbox: {
            name: 'SMS / mail outbox',
            fields: {
                id: 'ID',
                channel: 'Channel',
                to: 'To',
                body: 'Message',
                createdAt: 'Sent at',
            },
        },
        'audit-events': {
            name: 'Audit event |||| Audit trail',
            fields: {
                id: 'ID',
                at: 'Time',
                actorType: 'Actor type',
                actorName: 'Actor',
                action: 'Action',
                entityType: 'Entity type',
                entityId: 'Entity ID',
                ip: 'IP address',
                details: 'Details',
            },
        },
        registry: {
            name: 'Credit registry (simulated)',
            fields: {
                id: 'ID',
                q: 'Search',
                uscc: 'Unified social credit code',
                orgCode: 'Organization code',
                name: 'Enterprise name',
                legalRepName: 'Legal representative',
                legalRepIdType: 'Legal rep. ID type',
                legalRepIdNumber: 'Legal rep. ID number',
                status: 'Registration status',
            },
        },
        flows: {
            name: 'Flow monitor',
            fields: {
                id: 'Flow ID',
                type: 'Type',
                status: 'Status',
                step: 'Current step',
                uscc: 'Unified social credit code',
                applicant: 'Applicant',
                startedAt: 'Started at',
                closedAt: 'Closed at',
                temporalUrl: 'Temporal UI',
            },
        },
    },
    sw: {
        title: 'Single Window Identity Console',
        login: {
            subtitle: 'China International Trade Single Window · staff sign-in',
        },
        dashboard: {
            welcome: 'Welcome to the Single Window identity console',
            intro: 'Browse enterprises and accounts, watch registration and first-login flows, and read the audit trail.',
            hello: 'Hello, %{name}',
            role: 'Role: %{role}',
            accounts: 'Accounts',
            enterprises: 'Enterprises',
            activeFlows: 'Active flows',
        },
        action: {
            temporal_ui: 'Temporal UI',
        },
        validation: {
            uscc: 'The unified social credit code must have 18 characters and a valid check character',
            orgCode: 'The organization code must have 9 characters and a valid check character',
            orgCodeMismatch: 'The organization code must equal characters 9–17 of the unified social credit code',
        },
        enum: {
            role: { supervisor: 'Supervisor', reviewer: 'Reviewer' },
            accountKind: {
                admin: 'Enterprise administrator',
                operator: 'Operator',
                individual: 'Individual',
                overseas: 'Overseas user',
                department: 'Department user',
            },
            accountStatus: {
                active: 'Active',
                disabled: 'Disabled',
                inactive: 'Not activated',
                locked: 'Locked',
            },
            idType: {
                resident: 'Resident ID card',
                passport: 'Passport',
                taiwan: 'Taiwan residents travel permit',
                hkmacao: 'HK/Macao residents travel permit',
                foreigner: 'Foreign permanent residence ID',
                other: 'Other',
            },
            channel: { sms: 'SMS', mail: 'Mail' },
            actorType: {
                staff: 'Staff',
                account: 'User',
                system: 'System',
                anonymous: 'Anonymous',
            },
            flowType: {
                registration: 'Administrator registration',
                firstLogin: 'Operator first login',
            },
            flowStatus: {
                active: 'Active',
                completed: 'Completed',
                expired: 'Expired',
            },
            flowStep: {
                enterprise: 'Enterprise information',
                account: 'Administrator account',
                done: 'Done',
                smsCheck: 'SMS check',
                newPassword: 'New password',
            },
            registryStatus: {
                存续: 'In existence (存续)',
                在业: 'Operating (在业)',
                吊销: 'License revoked (吊销)',
                注销: 'Deregistered (注销)',
                迁出: 'Moved out (迁出)',
                停业: 'Suspended (停业)',
            },
        },
    },
};

const enMessages: TranslationMessages = { ...englishMessages, ...consoleEnglish };
export default enMessages;
