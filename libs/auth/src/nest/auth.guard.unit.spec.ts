import 'reflect-metadata';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Field, GraphQLModule, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { exportSPKI, generateKeyPair, type CryptoKey } from 'jose';
import type { Actor, Jurisdiction, Role } from '../actor.js';
import { administersOrganisation } from '../authorization.js';
import { mintToken } from '../dev/dev-keys.js';
import { formatAuthError } from './auth-errors.js';
import { AuthModule } from './auth.module.js';
import { CurrentActor, Public, RequireRoles } from './decorators.js';

const issuer = 'https://auth.test';
const audience = 'cogov';

@ObjectType()
class Me {
  @Field() subject!: string;
  @Field(() => [String]) roles!: string[];
}

@Resolver()
class TestResolver {
  @Query(() => Me)
  me(@CurrentActor() actor: Actor): Me {
    return { subject: actor.subject, roles: actor.roles };
  }

  @Public()
  @Query(() => String)
  ping(): string {
    return 'pong';
  }

  @RequireRoles('street_admin')
  @Query(() => String)
  streetReport(): string {
    return 'report';
  }

  @Mutation(() => Boolean)
  touch(): boolean {
    return true;
  }

  /** A scoped write: opened by name to organisation admins, which the handler then checks itself. */
  @RequireRoles('organisation_admin')
  @Mutation(() => Boolean)
  subscribeWebhook(@CurrentActor() actor: Actor): boolean {
    return administersOrganisation(actor, 'o-1');
  }

  @RequireRoles('organisation_admin', 'agency_analyst', 'street_admin')
  @Mutation(() => Boolean)
  shared(): boolean {
    return true;
  }
}

/** Opened to organisation admins at the class; a handler's own @RequireRoles overrides it. */
@RequireRoles('organisation_admin')
@Resolver()
class WebhooksResolver {
  @Mutation(() => Boolean)
  pauseWebhook(): boolean {
    return true;
  }

  @RequireRoles('street_admin')
  @Mutation(() => Boolean)
  purgeWebhooks(): boolean {
    return true;
  }
}

@Controller()
class TestController {
  @Public()
  @Get('health')
  health(): { ok: boolean } {
    return { ok: true };
  }

  @Get('private')
  secret(@CurrentActor() actor: Actor): { subject: string } {
    return { subject: actor.subject };
  }
}

let app: NestFastifyApplication;
let privateKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  privateKey = pair.privateKey;
  @Module({
    imports: [
      AuthModule.forRoot({ issuer, audience, publicKey: await exportSPKI(pair.publicKey) }),
      GraphQLModule.forRoot<ApolloDriverConfig>({
        driver: ApolloDriver,
        autoSchemaFile: true,
        graphiql: false,
        formatError: formatAuthError,
      }),
    ],
    providers: [TestResolver, WebhooksResolver],
    controllers: [TestController],
  })
  class TestModule {}
  app = await NestFactory.create<NestFastifyApplication>(TestModule, new FastifyAdapter(), { logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
});

afterAll(async () => {
  await (app as INestApplication | undefined)?.close();
});

const tokenFor = (
  roles: Role[],
  ttl: number | string = '5m',
  jurisdiction: Partial<Jurisdiction> = { communityIds: ['c-1'] },
): Promise<string> => mintToken(privateKey, { subject: 'u-1', roles, jurisdiction, clientId: 'test', issuer, audience }, ttl);

interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

async function graphql(query: string, authorization?: string): Promise<GraphQLResponse> {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    payload: { query },
  });
  return response.json<GraphQLResponse>();
}

describe('AuthGuard with GraphQL on Fastify', () => {
  it('puts the verified Actor on the context', async () => {
    const result = await graphql('{ me { subject roles } }', `Bearer ${await tokenFor(['community_staff'])}`);
    expect(result).toEqual({ data: { me: { subject: 'u-1', roles: ['community_staff'] } } });
  });

  it('lets @Public() resolvers through without a token', async () => {
    expect(await graphql('{ ping }')).toEqual({ data: { ping: 'pong' } });
  });

  it('answers UNAUTHENTICATED, without a stack trace, when the token is missing', async () => {
    const result = await graphql('{ me { subject } }');
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: 'Authentication required: send "Authorization: Bearer <access token>"',
        extensions: { code: 'UNAUTHENTICATED' },
      }),
    ]);
  });

  it('answers UNAUTHENTICATED with the reason when the token is invalid', async () => {
    const expired = await tokenFor(['community_staff'], -120);
    const result = await graphql('{ me { subject } }', `Bearer ${expired}`);
    expect(result.errors).toEqual([
      expect.objectContaining({ message: 'Invalid token: token has expired', extensions: { code: 'UNAUTHENTICATED' } }),
    ]);
    const garbage = await graphql('{ me { subject } }', 'Bearer abc.def.ghi');
    expect(garbage.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('answers FORBIDDEN when the role is not enough', async () => {
    const result = await graphql('{ streetReport }', `Bearer ${await tokenFor(['community_staff'])}`);
    expect(result.errors).toEqual([
      expect.objectContaining({ message: 'Requires one of the roles: street_admin', extensions: { code: 'FORBIDDEN' } }),
    ]);
    expect(await graphql('{ streetReport }', `Bearer ${await tokenFor(['street_admin'])}`)).toEqual({
      data: { streetReport: 'report' },
    });
  });

  it('refuses every mutation to read-only roles', async () => {
    const analyst = await graphql('mutation { touch }', `Bearer ${await tokenFor(['agency_analyst'])}`);
    expect(analyst.errors?.[0]).toEqual(
      expect.objectContaining({ message: 'Your roles are read-only', extensions: { code: 'FORBIDDEN' } }),
    );
    expect(await graphql('mutation { touch }', `Bearer ${await tokenFor(['grid_worker'])}`)).toEqual({
      data: { touch: true },
    });
  });

  describe('scoped writes of organisation admins', () => {
    const orgAdmin = (): Promise<string> => tokenFor(['organisation_admin'], '5m', { organisationIds: ['o-1'] });
    const readOnly = expect.objectContaining({ message: 'Your roles are read-only', extensions: { code: 'FORBIDDEN' } });

    it('refuses an organisation admin every mutation that does not name its role', async () => {
      expect((await graphql('mutation { touch }', `Bearer ${await orgAdmin()}`)).errors).toEqual([readOnly]);
    });

    it('lets an organisation admin run a mutation whose @RequireRoles names its role; the handler checks the organisation', async () => {
      expect(await graphql('mutation { subscribeWebhook }', `Bearer ${await orgAdmin()}`)).toEqual({ data: { subscribeWebhook: true } });
      const other = await tokenFor(['organisation_admin'], '5m', { organisationIds: ['o-2'] });
      expect(await graphql('mutation { subscribeWebhook }', `Bearer ${other}`)).toEqual({ data: { subscribeWebhook: false } });
      expect(await graphql('mutation { pauseWebhook }', `Bearer ${await orgAdmin()}`)).toEqual({ data: { pauseWebhook: true } });
    });

    it('still refuses an organisation admin a handler whose own @RequireRoles overrides its class’s', async () => {
      const result = await graphql('mutation { purgeWebhooks }', `Bearer ${await orgAdmin()}`);
      expect(result.errors).toEqual([expect.objectContaining({ message: 'Requires one of the roles: street_admin', extensions: { code: 'FORBIDDEN' } })]);
    });

    it('refuses, in a mutation of several fields, the fields not opened to it', async () => {
      const result = await graphql('mutation { subscribeWebhook touch }', `Bearer ${await orgAdmin()}`);
      expect(result.errors).toEqual([expect.objectContaining({ message: 'Your roles are read-only', path: ['touch'] })]);
    });

    it('opens nothing to other read-only roles: an agency analyst stays refused, whether the mutation names it or not', async () => {
      const analyst = `Bearer ${await tokenFor(['agency_analyst'], '5m', { streetIds: ['s-1'] })}`;
      expect((await graphql('mutation { subscribeWebhook }', analyst)).errors).toEqual([
        expect.objectContaining({ message: 'Requires one of the roles: organisation_admin', extensions: { code: 'FORBIDDEN' } }),
      ]);
      expect((await graphql('mutation { shared }', analyst)).errors).toEqual([readOnly]);
      expect((await graphql('mutation { pauseWebhook }', analyst)).errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
    });

    it('does not open a scoped write to writing roles the handler does not name', async () => {
      const result = await graphql('mutation { subscribeWebhook }', `Bearer ${await tokenFor(['street_admin'], '5m', { streetIds: ['s-1'] })}`);
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
      expect(await graphql('mutation { shared }', `Bearer ${await tokenFor(['street_admin'], '5m', { streetIds: ['s-1'] })}`)).toEqual({
        data: { shared: true },
      });
    });
  });
});

describe('AuthGuard with plain HTTP on Fastify', () => {
  it('answers 401 JSON without a token and 200 with one', async () => {
    const denied = await app.inject({ method: 'GET', url: '/private' });
    expect(denied.statusCode).toBe(401);
    expect(denied.json()).toMatchObject({ statusCode: 401, message: expect.stringContaining('Bearer') });
    const allowed = await app.inject({
      method: 'GET',
      url: '/private',
      headers: { authorization: `Bearer ${await tokenFor(['service'])}` },
    });
    expect(allowed.json()).toEqual({ subject: 'u-1' });
  });

  it('serves @Public() routes without a token', async () => {
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ ok: true });
  });
});
