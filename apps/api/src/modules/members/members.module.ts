import { Module } from '@nestjs/common';
import { InvitationsModule } from '../invitations/invitations.module';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

@Module({ imports: [InvitationsModule], controllers: [MembersController], providers: [MembersService] })
export class MembersModule {}
