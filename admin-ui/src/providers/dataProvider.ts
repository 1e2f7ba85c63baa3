import simpleRestProvider from 'ra-data-simple-rest';
import { API_ROOT, httpClient } from './http';

/** react-admin "simple REST" data provider on /api/admin (Content-Range totals). */
export const dataProvider = simpleRestProvider(API_ROOT, httpClient);
