// The purchases page's plain logic: the categories (purchase/domain/category.hpp) and an
// order's figures as the desk reads them.
export const CATEGORY_CODES = [
  'clothing', 'shoes', 'underwear_swimwear', 'cosmetics', 'food_fresh', 'food_packaged', 'jewelry', 'watches',
  'electronics', 'appliances', 'home', 'toys', 'sports', 'books', 'customised', 'gift_card', 'other',
];

// Whether an order is a return (退货): any line with a negative quantity.
export const isReturn = (order) => (order.lines || []).some((l) => l.quantity < 0);

// The search form → the list's query: a receipt number when it looks like one, else a member id.
export function purchaseQuery({ receipt = '', memberId = null, storeId = null, from = null, to = null } = {}) {
  return { receipt_no: receipt.trim() || undefined, member_id: memberId || undefined, store_id: storeId || undefined, from: from || undefined, to: to || undefined };
}
