import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  Injectable,
  InternalServerErrorException,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { isForeignKeyViolation, isUniqueViolation } from '../../core/database/postgres-errors';
import { USER_GROUP_IDS, UserGroupName } from '../accounts/entities/user-group.entity';
import type { AvatarImage } from './avatars/avatar-image';
import { AvatarsService } from './avatars/avatars.service';
import type { ProfileFieldsDto } from './dto/profile-fields.dto';
import { Gender, type UserProfile } from './entities/user-profile.entity';
import type { AvatarUpload } from './form/profile-form';
import type { ProfileInput } from './form/profile-input.pipe';
import { type ProfileResponse, toProfileResponse } from './profile.responses';
import { parseGender, type ProfileWrite, profileRuleViolation } from './profile-rules';
import { ONE_PROFILE_PER_USER, ProfilesRepository } from './profiles.repository';
import { PROFILES_MESSAGES } from './profiles.messages';

type ProfileAction = ProfileWrite | 'view';

/**
 * Profiles (reference 4): the owner-or-admin rule (moderators are plain users here, CONTRACT.md
 * B31), the reference's order of checks and messages, and avatars that never outlive their
 * profile row: a new file is removed when the database write fails, the old one once it succeeded.
 */
@Injectable()
export class ProfilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly profiles: ProfilesRepository,
    private readonly avatars: AvatarsService,
  ) {}

  /**
   * Reference 4.1: 403, the field rules (422), 404 for an unknown user, 409 when the profile
   * exists (also when a concurrent request created it first), 400 for an avatar without a file name.
   */
  async create(caller: AuthenticatedUser, { userId, fields, avatar }: ProfileInput): Promise<ProfileResponse> {
    this.assertOwnerOrAdmin(caller, userId, 'create');
    const image = await this.checkFields(fields, avatar, 'create');
    if (!(await this.profiles.userExists(userId))) throw new NotFoundException(PROFILES_MESSAGES.userNotFound);
    if (await this.profiles.findByUserId(userId)) throw new ConflictException(PROFILES_MESSAGES.profileExists);
    assertFileNamed(avatar);
    const avatarKey = image && (await this.avatars.store(userId, image));
    let profile: UserProfile;
    try {
      profile = await this.profiles.insert({
        userId,
        firstName: fields.first_name ?? '',
        lastName: fields.last_name ?? '',
        gender: toGender(fields.gender),
        dateOfBirth: fields.date_of_birth ?? null,
        info: fields.info ?? '',
        avatar: avatarKey,
      });
    } catch (error) {
      if (avatarKey) await this.avatars.discard(avatarKey);
      if (isUniqueViolation(error, [ONE_PROFILE_PER_USER])) throw new ConflictException(PROFILES_MESSAGES.profileExists);
      if (isForeignKeyViolation(error)) throw new NotFoundException(PROFILES_MESSAGES.userNotFound);
      throw new InternalServerErrorException(PROFILES_MESSAGES.createFailed, { cause: error });
    }
    return this.present(profile);
  }

  /**
   * Reference 4.2: 403, 404 when there is no profile (before any field check), the field rules
   * (422), 400 for an avatar without a file name. Absent fields are left as they are; a new
   * avatar replaces the old one, whose file is then deleted.
   */
  async update(caller: AuthenticatedUser, { userId, fields, avatar }: ProfileInput): Promise<ProfileResponse> {
    this.assertOwnerOrAdmin(caller, userId, 'update');
    if (!(await this.profiles.findByUserId(userId))) throw new NotFoundException(PROFILES_MESSAGES.profileNotFound);
    const image = await this.checkFields(fields, avatar, 'update');
    assertFileNamed(avatar);
    const avatarKey = image && (await this.avatars.store(userId, image));
    let saved: { profile: UserProfile; replacedKey: string | null };
    try {
      saved = await this.dataSource.transaction(async (tx) => {
        // Locked, so that of two concurrent avatar changes each deletes the file the other replaced.
        const profile = await this.profiles.findByUserIdForUpdate(tx, userId);
        if (!profile) throw new NotFoundException(PROFILES_MESSAGES.profileNotFound);
        const replacedKey = avatarKey ? profile.avatar : null;
        applyChanges(profile, fields, avatarKey);
        return { profile: await this.profiles.save(tx, profile), replacedKey };
      });
    } catch (error) {
      if (avatarKey) await this.avatars.discard(avatarKey);
      if (error instanceof HttpException) throw error;
      throw new InternalServerErrorException(PROFILES_MESSAGES.updateFailed, { cause: error });
    }
    if (saved.replacedKey) await this.avatars.discard(saved.replacedKey);
    return this.present(saved.profile);
  }

  /** Reference 4.3: 403, then 404 when there is no profile. */
  async view(caller: AuthenticatedUser, userId: number): Promise<ProfileResponse> {
    this.assertOwnerOrAdmin(caller, userId, 'view');
    const profile = await this.profiles.findByUserId(userId);
    if (!profile) throw new NotFoundException(PROFILES_MESSAGES.profileNotFound);
    return this.present(profile);
  }

  /** The reference's first check in every profile handler; an admin is group 1, whatever its name. */
  private assertOwnerOrAdmin(caller: AuthenticatedUser, userId: number, action: ProfileAction): void {
    if (caller.id !== userId && caller.groupId !== USER_GROUP_IDS[UserGroupName.Admin]) {
      throw new ForbiddenException(PROFILES_MESSAGES.forbidden[action]);
    }
  }

  /** The field rules, then the avatar's (last, as in the reference); the image ready to store. */
  private async checkFields(fields: ProfileFieldsDto, avatar: AvatarUpload | null, write: ProfileWrite): Promise<AvatarImage | null> {
    const violation = profileRuleViolation(fields, write);
    if (violation) throw new UnprocessableEntityException(violation);
    return avatar && this.avatars.prepare(avatar);
  }

  private async present(profile: UserProfile): Promise<ProfileResponse> {
    return toProfileResponse(profile, await this.avatars.urlOf(profile.avatar));
  }
}

/** The reference named stored files after the client's file name, so it refused a file without one (kept). */
function assertFileNamed(avatar: AvatarUpload | null): void {
  if (avatar && !avatar.filename) throw new BadRequestException(PROFILES_MESSAGES.noFilename);
}

function toGender(value: string | undefined): Gender | null {
  if (value === undefined) return null;
  return parseGender(value) === 'man' ? Gender.Man : Gender.Woman;
}

/** Sets the fields that were sent; the others keep their values (none can be cleared). */
function applyChanges(profile: UserProfile, fields: ProfileFieldsDto, avatarKey: string | null): void {
  if (fields.first_name !== undefined) profile.firstName = fields.first_name;
  if (fields.last_name !== undefined) profile.lastName = fields.last_name;
  if (fields.gender !== undefined) profile.gender = toGender(fields.gender);
  if (fields.date_of_birth !== undefined) profile.dateOfBirth = fields.date_of_birth;
  if (fields.info !== undefined) profile.info = fields.info;
  if (avatarKey) profile.avatar = avatarKey;
}
