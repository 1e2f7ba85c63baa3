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
import { RegistrationPage } from './pages/registration/RegistrationPage';
import { RequireSession } from './session/SessionContext';

export function App() {
  return (
    <Routes>
      <Route path="/" element={<LoginPage />} />
      <Route path="/login" element={<LoginPage />} />
      <Route path="/register" element={<RegistrationPage />} />
      <Route path="/first-login/:flowId" element={<FirstLoginPage />} />
      <Route path="/card-register/:flowId" element={<CardRegisterPage />} />
      <Route path="/dev/inbox" element={<DevInboxPage />} />
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
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
