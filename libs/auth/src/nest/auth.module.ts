import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtVerifier, type JwtVerifierConfig } from '../jwt-verifier.js';
import { AuthGuard } from './auth.guard.js';

export type AuthModuleOptions = JwtVerifierConfig;

/** Registers the JwtVerifier and makes AuthGuard global: every route and resolver needs a token. */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: JwtVerifier, useFactory: () => JwtVerifier.create(options) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [JwtVerifier],
    };
  }
}
