import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, type RouterHistory } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { createQueryClient } from './api.ts';
import { createPortalRouter } from './router.tsx';
import { session } from './session.ts';
import styles from './layout.module.css';

/**
 * The portal: TanStack Query's cache and the router over every page. `history` is the browser's unless a
 * story gives its own, starting at the page it shows.
 */
export function App({ notice, history }: { notice?: string; history?: RouterHistory }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createPortalRouter(history));
  // Signed out (or the API said the token is no good): nothing of this customer's stays in the cache.
  useEffect(() => session.subscribe(() => session.token() === null && queryClient.clear()), [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      {notice && <p className={styles.notice}>{notice}</p>}
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
