import { Route, Routes } from 'react-router-dom';
import { LoggedInLayout } from './components/LoggedInLayout';
import { AccountPage } from './pages/account/AccountPage';
import { CardRegisterPage } from './pages/cardRegister/CardRegisterPage';
import { MyCardPage } from './pages/cards/MyCardPage';
import { DevInboxPage } from './pages/devInbox/DevInboxPage';
import { FirstLoginPage } from './pages/firstLogin/FirstLoginPage';
import { LoginPage } from './pages/login/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OperatorsPage } from './pages/operators/OperatorsPage';
import { HomePage } from './pages/home/HomePage';
import { QualificationsPage } from './pages/qualifications/QualificationsPage';
import { PermissionsPage } from './pages/permissions/PermissionsPage';
import { MyAppsPage } from './pages/apps/MyAppsPage';
import { AppOpenPage } from './pages/apps/AppOpenPage';
import { RegistrationPage } from './pages/registration/RegistrationPage';
import { RegistrationChooserPage } from './pages/registration/RegistrationChooserPage';
import { IndividualRegistrationPage } from './pages/individualRegistration/IndividualRegistrationPage';
import { OverseasRegistrationPage } from './pages/overseasRegistration/OverseasRegistrationPage';
import { DevElicensePage } from './pages/devElicense/DevElicensePage';
import { DevBankPage } from './pages/devBank/DevBankPage';
import { DevSimulatorsPage } from './pages/devSimulators/DevSimulatorsPage';
import { RequireSession } from './session/SessionContext';
import { PasswordRecoveryPage } from './pages/passwordRecovery/PasswordRecoveryPage';
import { UsernameRecoveryPage } from './pages/usernameRecovery/UsernameRecoveryPage';

export function App() {
  return (
    <Routes>
      <Route path="/" element={<LoginPage />} />
      <Route path="/login" element={<LoginPage />} />
      <Route path="/register" element={<RegistrationChooserPage />} />
      {/* One instance per registration type: the key keeps their flows apart. */}
      <Route path="/register/enterprise" element={<RegistrationPage key="enterprise" variant="enterprise" />} />
      <Route path="/register/institution" element={<RegistrationPage key="institution" variant="institution" />} />
      <Route path="/register/elicense" element={<RegistrationPage key="elicense" variant="elicense" />} />
      <Route path="/register/individual" element={<IndividualRegistrationPage />} />
      <Route path="/register/overseas" element={<OverseasRegistrationPage />} />
      <Route path="/dev/elicense/:flowId" element={<DevElicensePage />} />
      <Route path="/dev/bank/:bank/:flowId" element={<DevBankPage />} />
      <Route path="/first-login/:flowId" element={<FirstLoginPage />} />
      <Route path="/card-register/:flowId" element={<CardRegisterPage />} />
      <Route path="/dev/inbox" element={<DevInboxPage />} />
      <Route path="/dev/simulators" element={<DevSimulatorsPage />} />
      <Route path="/forgot-password" element={<PasswordRecoveryPage />} />
      <Route path="/forgot-username" element={<UsernameRecoveryPage />} />
      <Route
        element={
          <RequireSession>
            <LoggedInLayout />
          </RequireSession>
        }
      >
        <Route path="/account" element={<AccountPage />} />
        <Route path="/operators" element={<OperatorsPage />} />
        <Route path="/cards" element={<MyCardPage />} />
        <Route path="/home" element={<HomePage />} />
        <Route path="/qualifications" element={<QualificationsPage />} />
        <Route path="/permissions" element={<PermissionsPage />} />
        <Route path="/apps" element={<MyAppsPage />} />
      </Route>
      <Route path="/apps/open" element={<AppOpenPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
