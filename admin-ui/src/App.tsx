import { Admin, Resource } from 'react-admin';
import accounts from './accounts';
import auditEvents from './audit-events';
import cards from './cards';
import { Dashboard } from './dashboard/Dashboard';
import enterprises from './enterprises';
import flows from './flows';
import { i18nProvider } from './i18n/i18nProvider';
import { LoginPage } from './LoginPage';
import outbox from './outbox';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import registry, { registryWrite } from './registry';
import reviews from './reviews';
import reviewReasons from './reviews/reasons';

/**
 * Supervisors see every resource; reviewers see flows, accounts, enterprises, IC cards/IKeys
 * and the audit trail (read-only). authProvider.canAccess enforces the same rule on pages and buttons.
 */
export const App = () => (
    <Admin
        title="单一窗口身份管理后台"
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        dashboard={Dashboard}
        loginPage={LoginPage}
        requireAuth
        disableTelemetry
    >
        {(permissions: string) => (
            <>
                <Resource name="reviews" {...reviews} />
                <Resource name="flows" {...flows} />
                <Resource name="accounts" {...accounts} />
                <Resource name="enterprises" {...enterprises} />
                <Resource name="cards" {...cards} />
                <Resource name="audit-events" {...auditEvents} />
                {permissions === 'supervisor' || permissions === 'sysadmin' ? (
                    <Resource name="review-reasons" {...reviewReasons} />
                ) : (
                    <Resource name="review-reasons" list={reviewReasons.list} icon={reviewReasons.icon} />
                )}
                {permissions === 'supervisor' && (
                    <>
                        <Resource name="registry" {...registry} {...registryWrite} />
                        <Resource name="outbox" {...outbox} />
                    </>
                )}
            </>
        )}
    </Admin>
);
