import { Controller, Get, Param, Res, type StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/auth/auth.decorators';
import { IMMUTABLE_CACHE_CONTROL } from '../../core/storage/object-storage';
import { AvatarsService } from './avatars/avatars.service';

/** Sent with an image only (not with a 404): its name is never reused, so it may be cached for good. */
const IMAGE_HEADERS = { 'cache-control': IMMUTABLE_CACHE_CONTROL, 'x-content-type-options': 'nosniff' };

/**
 * The avatar files, public like any image on a web page (reference 18.26: the reference stored
 * them and served nothing).
 */
@ApiTags('profiles')
@Controller('media/avatars')
export class MediaController {
  constructor(private readonly avatars: AvatarsService) {}

  @Public()
  @Get(':file')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiResponse({ status: 200, description: 'The image, cacheable for good (its name is never reused)' })
  @ApiResponse({ status: 404, description: 'Not Found' })
  async avatar(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const image = await this.avatars.open(file);
    void reply.headers(IMAGE_HEADERS);
    return image;
  }
}
