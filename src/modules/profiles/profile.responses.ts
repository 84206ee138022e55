import type { UserProfile } from './entities/user-profile.entity';

/** `ProfileSchema` of reference 4, in its key order. */
export interface ProfileResponse {
  id: number;
  user_id: number;
  first_name: string | null;
  last_name: string | null;
  gender: 'man' | 'woman' | null;
  date_of_birth: string | null;
  info: string | null;
  /** A URL to fetch the image from; `""` when there is none. */
  avatar: string;
}

/** Names are lower-cased on output (stored as typed), gender is lower-case (reference 1.6). */
export function toProfileResponse(profile: UserProfile, avatarUrl: string): ProfileResponse {
  return {
    id: profile.id,
    user_id: profile.userId,
    first_name: profile.firstName?.toLowerCase() ?? null,
    last_name: profile.lastName?.toLowerCase() ?? null,
    gender: profile.gender && (profile.gender.toLowerCase() as 'man' | 'woman'),
    date_of_birth: profile.dateOfBirth,
    info: profile.info,
    avatar: avatarUrl,
  };
}
