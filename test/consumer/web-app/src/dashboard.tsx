import { createPortalClient, type DashboardStats } from '@customer-portal/sdk';
import { useEffect, useState } from 'react';

const portal = createPortalClient({ baseUrl: '' });

export function Dashboard() {
  const [stats, setStats] = useState<DashboardStats>();
  useEffect(() => {
    void portal
      .login({ email: 'ali.jawad@example.com', password: 'customer123' })
      .then(() => portal.GET('/api/v1/customer/dashboard'))
      .then(({ data }) => setStats(data?.stats));
  }, []);
  return <p>{stats ? `${stats.open_tickets} open tickets` : 'Loading…'}</p>;
}
