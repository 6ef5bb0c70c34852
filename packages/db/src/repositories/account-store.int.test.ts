import { describe } from 'vitest';
import { testDatabases } from '../testing/index';
import { describeAccountStore } from './account-store.suite';

describe.each(testDatabases())('AccountStore on $name', ({ open }) => {
  describeAccountStore(open);
});
