import { Module } from '@nestjs/common';
import { StorageModule } from '../../core/storage/storage.module';
import { AvatarsService } from './avatars/avatars.service';
import { MediaController } from './media.controller';
import { ProfilesController } from './profiles.controller';
import { ProfilesRepository } from './profiles.repository';
import { ProfilesService } from './profiles.service';

/**
 * Profiles and avatars. Exports `AvatarsService` for other views of a profile (`GET
 * /accounts/me/`): `urlOf(profile.avatar)` turns the stored key into the URL clients get.
 */
@Module({
  imports: [StorageModule],
  controllers: [ProfilesController, MediaController],
  providers: [ProfilesService, ProfilesRepository, AvatarsService],
  exports: [AvatarsService],
})
export class ProfilesModule {}
