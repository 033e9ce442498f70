/** Analyses across the files of a workspace. */
export { AccountIndex, type AccountHolder, type AccountProvider, type BrokerAccount, type FileAccounts } from './account-index.js';
export { accountsOfDocument, accountsOfModel } from './accounts.js';
