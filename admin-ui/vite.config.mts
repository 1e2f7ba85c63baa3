import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));

// Staff console (react-admin). Served by the API at /console/ once built.
export default defineConfig({
    root: here,
    base: '/console/',
    plugins: [react()],
    build: {
        outDir: '../dist/admin-ui',
        emptyOutDir: true,
        chunkSizeWarningLimit: 3000,
    },
    server: {
        proxy: {
            '/api': {
                target: 'http://127.0.0.1:3000',
                changeOrigin: false,
            },
        },
    },
});
