// Child process for the crash-safety test: saves requests in a loop until killed with SIGKILL.
import { createCollectionHandlers } from '../../electron/handlers/collections';
import { testContext } from './helpers';

const [root, userData] = process.argv.slice(2);
if (root === undefined || userData === undefined) throw new Error('usage: crash-child <root> <userData>');

/** Content of version n: its length depends on n, so a torn write cannot pass the check. */
export function versionText(n: number): string {
  return `v${n} ${'x'.repeat((n * 7919) % 20000)}`;
}

const h = createCollectionHandlers(testContext(userData, 'cli').ctx);
const id = (await h.handlers['collection:open']({ root })).id;
const paths = ['users/get-user.yaml', 'users/list-users.yaml', 'health.yaml'];
const base = await Promise.all(paths.map((path) => h.handlers['request:read']({ collectionId: id, path })));
process.stdout.write('ready\n');
for (let n = 1; ; n++) {
  await Promise.all(paths.map((path, i) => h.handlers['request:save']({ collectionId: id, path, request: { ...(base[i]?.request ?? base[0]!.request), description: versionText(n) }, force: false })));
  await h.handlers['folder:reorder']({ collectionId: id, path: 'users', order: n % 2 === 0 ? ['get-user.yaml', 'list-users.yaml', 'create-user.yaml'] : ['create-user.yaml', 'list-users.yaml', 'get-user.yaml'] });
}
