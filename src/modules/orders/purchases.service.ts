import { Injectable } from '@nestjs/common';
import { pageMeta, paginated, type PaginationQueryDto, pageWindow } from '../../common/http/pagination';
import { toPurchaseResponse } from './orders.responses';
import { PurchasesRepository } from './purchases.repository';

/** The movies a user owns (CONTRACT.md C.5). */
@Injectable()
export class PurchasesService {
  constructor(private readonly purchases: PurchasesRepository) {}

  /** Most recently bought first. */
  async list(userId: number, query: PaginationQueryDto, url: string) {
    const { rows, total } = await this.purchases.listForUser(userId, pageWindow(query));
    return paginated(pageMeta(url, query, total), 'purchases', rows.map(toPurchaseResponse));
  }
}
