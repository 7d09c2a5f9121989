// Password hashing and the strength rule live with the users they protect (queries/passwords.ts);
// re-exported here for the HTTP side.
export { decoyHash, hashPassword, verifyPassword } from '../../queries/passwords.ts';
