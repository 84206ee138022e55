/**
 * The profile routes' messages, exactly as the reference sends them (reference 2.4 and 4), plus
 * those of our own upload limits. Shared by the code and the tests.
 */
export const PROFILES_MESSAGES = {
  forbidden: {
    create: 'Only admin or profile owner can create profile.',
    update: 'Only admin or profile owner can update profile.',
    view: 'Only admin or profile owner can view profile.',
  },
  userNotFound: 'User with given ID was not found.',
  profileExists: 'Profile already exists.',
  profileNotFound: 'Profile with given user ID was not found.',
  createFailed: 'Error occurred during profile creation.',
  updateFailed: 'Error occurred during profile update.',
  nonEnglishName: (value: string) => `${value} contains non-english letters`,
  gender: 'Gender must be one of: man, woman',
  birthYear: 'Invalid birth date - year must be greater than 1900.',
  underage: 'You must be at least 18 years old to register.',
  blankInfo: {
    create: 'Info field cannot be empty or contain only spaces.',
    update: 'Info cannot be empty or whitespace only',
  },
  imageTooLarge: 'Image size exceeds 1 MB',
  invalidImage: 'Invalid image format',
  /**
   * Word for word the reference's list, which clients may match. WebP is accepted too (CONTRACT.md
   * B26), as an addition the message leaves out: the formats it names are still all accepted.
   */
  unsupportedImage: (format: string) => `Unsupported image format: ${format}. Use one of next: ['JPG', 'JPEG', 'PNG']`,
  /** Ours: decoding bounds the memory an image may take (a small file can hold a huge picture). */
  imageResolution: (maxPixels: number) => `Image resolution exceeds ${maxPixels / 1_000_000} megapixels`,
  noFilename: 'Uploaded file has no filename',
  /** A form value given where the avatar file belongs (FastAPI's `UploadFile` check). */
  notAFile: (pythonType: string) => `Expected UploadFile, received: <class '${pythonType}'>`,
  /** Starlette's answers to a form beyond its limits. */
  partTooLarge: (kib: number) => `Part exceeded maximum size of ${kib}KB.`,
  tooManyFields: (max: number) => `Too many fields. Maximum number of fields is ${max}.`,
  tooManyFiles: (max: number) => `Too many files. Maximum number of files is ${max}.`,
} as const;
