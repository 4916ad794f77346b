import type { Core } from '@strapi/strapi';
import type supertest from 'supertest';

export interface AdminSession {
  id: number;
  email: string;
  token: string;
  /** Authorization header value for the admin API. */
  auth: string;
}

let adminCounter = 0;

/** Creates an active admin user with the given role codes and logs in over HTTP. */
export async function createAdmin(
  strapi: Core.Strapi,
  http: () => supertest.Agent,
  roleCodes: string[] = ['strapi-super-admin'],
): Promise<AdminSession> {
  adminCounter += 1;
  const email = `admin${adminCounter}-${Date.now()}@khabar.test`;
  const password = 'Khabar-Test-Password-1';
  const roles = await strapi.db.query('admin::role').findMany({ where: { code: { $in: roleCodes } } });
  if (roles.length !== roleCodes.length) throw new Error(`unknown admin role in ${roleCodes.join(', ')}`);
  const user = await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: `Admin ${adminCounter}`,
    password,
    isActive: true,
    registrationToken: null,
    roles: roles.map((role: { id: number }) => role.id),
  });
  const response = await http().post('/admin/login').send({ email, password });
  if (response.status !== 200) throw new Error(`admin login failed: ${response.status} ${response.text}`);
  const token: string = response.body.data.token;
  return { id: user.id, email, token, auth: `Bearer ${token}` };
}
