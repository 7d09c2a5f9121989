// Users live in queries/users.ts (the domain); re-exported for the HTTP side and older imports.
export {
  changeOwnPassword,
  changeRole,
  createUser,
  deleteUser,
  endSessions,
  ensureDemoUser,
  findUser,
  listUsers,
  normaliseUserName,
  Password,
  resetPassword,
  setDisabled,
  setUser,
  User,
  UserExistsError,
  UserName,
} from '../../queries/users.ts';
