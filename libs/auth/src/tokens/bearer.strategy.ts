import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import { retryReadOnce } from '@app/common';
import { Principal } from '../auth-context';
import { TokenService } from './token.service';

/** Passport bearer strategy: the token is looked up by its hash on every request, so revocation is immediate. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(private readonly tokens: TokenService) {
    super();
  }

  async validate(token: string): Promise<Principal | false> {
    // A lookup (plus idempotent last-used bookkeeping): safe to repeat once on a dropped connection.
    return (await retryReadOnce(() => this.tokens.authenticate(token))) ?? false;
  }
}
