import { compareTrees, walkSorted } from './index';
const root = '/tmp/lyncdr-bench-filestore-20000';
for (let k = 0; k < 4; k++) {
  let t = performance.now();
  let n = 0;
  for await (const _e of walkSorted(root + '/share')) n++;
  for await (const _e of walkSorted(root + '/copy')) n++;
  const w = performance.now() - t;
  t = performance.now();
  await compareTrees(root + '/share', root + '/copy');
  console.log('walk x2', w.toFixed(0), 'compare', (performance.now() - t).toFixed(0));
}
