import { createWorker } from 'tesseract.js';
const worker = await createWorker('eng', 1, { cacheMethod: 'none', gzip: true, langPath: 'node_modules/@tesseract.js-data/eng/4.0.0_best_int' });
for (const img of process.argv.slice(2)) for (const params of [{ tessedit_pageseg_mode: '3' }, { tessedit_pageseg_mode: '3', tessedit_do_invert: '0' }]) {
  await worker.setParameters(params);
  const t1 = Date.now(); const c = process.cpuUsage();
  const r = await worker.recognize(img, {}, { text: true, blocks: true });
  const cu = process.cpuUsage(c);
  console.log(img, JSON.stringify(params), 'wall', Date.now() - t1, 'cpu', ((cu.user+cu.system)/1000).toFixed(0), 'conf', r.data.confidence, 'chars', r.data.text.length);
}
await worker.terminate();
