// Every workflow type the worker runs; the workflow type name is the flow type.
export { registration } from './registration';
export { firstLogin } from './firstLogin';
export { cardLogin } from './cardLogin';
export { housekeeping } from './housekeeping';
