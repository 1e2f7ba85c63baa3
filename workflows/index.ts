// Every workflow type the worker runs; the workflow type name is the flow type.
export { registration } from './registration';
export { firstLogin } from './firstLogin';
export { cardLogin } from './cardLogin';
export { individualRegistration } from './individualRegistration';
export { overseasRegistration } from './overseasRegistration';
export { passwordRecovery } from './passwordRecovery';
export { usernameRecovery } from './usernameRecovery';
export { housekeeping } from './housekeeping';
export { changeMobile } from './changeMobile';
export { changeEmail } from './changeEmail';
export { mobileLogin } from './mobileLogin';
