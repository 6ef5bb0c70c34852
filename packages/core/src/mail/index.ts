export type * from './ports';
export { verifyEmailMail, resetPasswordMail } from './templates';
