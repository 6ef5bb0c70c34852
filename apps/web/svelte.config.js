import adapterCloudflare from '@sveltejs/adapter-cloudflare';
import adapterNode from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * One app, two homes. `WEB_ADAPTER=cloudflare` builds the edge Worker into its own
 * outDir so it never overwrites the on-prem (adapter-node) build in `build/`.
 */
const target = process.env.WEB_ADAPTER === 'cloudflare' ? 'cloudflare' : 'node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter:
      target === 'cloudflare'
        ? adapterCloudflare({ config: 'wrangler.jsonc' })
        : adapterNode({ out: 'build', precompress: true }),
    outDir: target === 'cloudflare' ? 'dist/.svelte-kit' : '.svelte-kit',
  },
};

export default config;
