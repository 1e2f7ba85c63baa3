// Demo cards made on first start (simulators on): virtual cards in the card agent's folder, with
// keys made "on the card" and certificates from the back office CA, so that every card-login
// rule can be tried at once. PIN of every demo card: 123456.
import { createVirtualCard, insertCard, listCards } from '../card-agent';
import { issueCard } from '../activities/cards/registry';
import type { Services } from '../activities/services';

export const DEMO_CARD_PIN = '123456';

interface DemoCard {
  label: string; // what the card demonstrates
  cardType: 'legal' | 'operator';
  holderName: string;
  holderIdNumber: string;
  uscc: string;
  enterpriseName: string;
}

const HUAMAO = { uscc: '911100001000123405', enterpriseName: '北京华贸进出口有限公司' };
export const DEMO_CARDS: DemoCard[] = [
  { label: '法人卡，企业已有无卡管理员 demoadmin → 确认后覆盖该账号（规则2：原密码与会话作废，激活设新密码）', cardType: 'legal', holderName: '李明华', holderIdNumber: '110105198003150020', ...HUAMAO },
  { label: '操作员卡，身份与已注册操作员 demoop01 相同 → 绑定（规则4）', cardType: 'operator', holderName: '王小丽', holderIdNumber: '110101199002020020', ...HUAMAO },
  { label: '操作员卡，新操作员 → 自动创建（规则4）', cardType: 'operator', holderName: '孙新', holderIdNumber: '110101198811110013', ...HUAMAO },
  { label: '法人卡，企业未注册 → 创建管理员或填写注册表（规则1）', cardType: 'legal', holderName: '陈志强', holderIdNumber: '440304197901010034', uscc: '91440300279355211D', enterpriseName: '深圳前海跨境电子商务有限公司' },
  { label: '操作员卡，企业未注册 → 创建管理员与操作员（规则3）', cardType: 'operator', holderName: '周敏', holderIdNumber: '33020319880808006X', uscc: '91330200144077816L', enterpriseName: '宁波海联报关服务有限公司' },
];

/** Creates the demo cards once; returns the listing of every card in the folder. */
export async function seedDemoCards(services: Services, dir: string, log: (line: string) => void = () => undefined) {
  if (!services.simulators) return; // demo cards have a published PIN: development only
  const known = new Set((await services.db.models.Card.findAll({ attributes: ['cardNo'] })).map((c) => c.cardNo));
  const existing = listCards(dir).filter((c) => known.has(c.cardNo));
  if (existing.length === 0) {
    for (const demo of DEMO_CARDS) {
      const card = await createVirtualCard({
        dir, cardType: demo.cardType, medium: 'ic', pin: DEMO_CARD_PIN,
        holderName: demo.holderName, enterpriseName: demo.enterpriseName, uscc: demo.uscc,
        issue: async (publicKeyPem) => {
          const issued = await issueCard(services, { publicKeyPem, cardType: demo.cardType, medium: 'ic', holderName: demo.holderName, holderIdType: 'resident', holderIdNumber: demo.holderIdNumber, uscc: demo.uscc, enterpriseName: demo.enterpriseName }, { type: 'system', id: 'demo' });
          return { cardNo: issued.cardNo, certificate: issued.certificate };
        },
      });
      log(`  demo card ${card.cardNo}: ${demo.label}`);
    }
    const first = listCards(dir).find((c) => c.holderName === DEMO_CARDS[0].holderName);
    if (first && !listCards(dir).some((c) => c.readerId)) insertCard(dir, first.cardNo, 'reader-1');
  }
  return listCards(dir).filter((c) => known.has(c.cardNo) || existing.length === 0);
}
