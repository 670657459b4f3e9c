import { Module } from '@nestjs/common';
import { ProjectViewersModule } from '../project-viewers/project-viewers.module';
import { InvitationAcceptanceService } from './invitation-acceptance.service';
import { InvitationMailer } from './invitation-mailer';
import { InvitationPageController } from './invitation-page.controller';
import { InvitationsService } from './invitations.service';
import { ProjectViewerInvitesController } from './project-viewer-invites.controller';
import { ProjectViewerInvitesService } from './project-viewer-invites.service';

/** The invitation flow (links, e-mail, the accept page) that inviteMember and createProjectViewer share. */
@Module({
  imports: [ProjectViewersModule],
  controllers: [InvitationPageController, ProjectViewerInvitesController],
  providers: [InvitationsService, InvitationMailer, InvitationAcceptanceService, ProjectViewerInvitesService],
  exports: [InvitationsService],
})
export class InvitationsModule {}
