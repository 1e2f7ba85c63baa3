// User-facing texts for every error code, Chinese first (the portal's language), English second.
import { KnownErrorCode } from './errors';

export type Lang = 'zh' | 'en';

type Message = { zh: string; en: string };

// `satisfies` makes a missing code a compile error while the export stays a plain string map.
const TEXTS = {
  required: { zh: '此项为必填项', en: 'This field is required' },
  'flow.completed': { zh: '该流程已完成，无需再次提交', en: 'This flow is already finished' },
  'emailCode.wrong': { zh: '邮箱验证码错误', en: 'The e-mail verification code is wrong' },
  'emailCode.expired': { zh: '邮箱验证码已失效，请重新获取', en: 'The e-mail code has expired; request a new one' },
  'emailCode.tooManyAttempts': { zh: '邮箱验证码错误次数过多，请重新获取', en: 'Too many wrong e-mail codes; request a new one' },
  'emailCode.notSent': { zh: '请先获取邮箱验证码', en: 'Request an e-mail code first' },
  'emailCode.mobileChanged': { zh: '邮箱与接收验证码的邮箱不一致', en: 'This is not the address the code was sent to' },
  'emailCode.format': { zh: '邮箱验证码应为6位数字', en: 'The e-mail verification code has 6 digits' },
  'emailCode.tooSoon': { zh: '邮箱验证码发送过于频繁，请稍后再试', en: 'E-mail codes are being requested too often; please wait a moment' },
  'emailCode.tooManySends': { zh: '获取邮箱验证码次数已达上限，请稍后再试', en: 'The limit of e-mail codes has been reached; please try again later' },
  'uscc.notInstitution': { zh: '事业单位的统一社会信用代码应以12开头', en: 'The unified social credit code of a public institution starts with 12' },
  'country.invalid': { zh: '请输入正确的国家（地区）代码或从列表中选择', en: 'Enter a valid country/region code or choose one from the list' },
  'phone.format': { zh: '电话号码格式错误，可包含数字、+、-、空格和括号', en: 'Enter a phone number: digits, with +, -, spaces or brackets' },
  'regNo.format': { zh: '注册编号格式错误，最多60位字母、数字或 - / . ( )', en: 'The registration number may have up to 60 letters, digits or - / . ( )' },
  'text.tooLong': { zh: '内容超出长度限制', en: 'This text is too long' },
  'elicense.badSignature': { zh: '电子营业执照授权信息验证失败', en: 'The electronic business license authorization could not be verified' },
  'elicense.expired': { zh: '电子营业执照授权已超时，请重新扫码', en: 'The electronic business license authorization timed out; scan again' },
  'elicense.notWaiting': { zh: '该流程未在等待电子营业执照扫码', en: 'This flow is not waiting for an electronic business license scan' },
  'elicense.notCompany': { zh: '电子营业执照仅支持统一社会信用代码以9开头的企业', en: 'Electronic business licenses exist only for companies whose credit code starts with 9' },
  'card.challengeExpired': { zh: '验证已超时，请重新插卡并输入介质密码', en: 'The card check timed out; insert the card and enter its PIN again' },
  'card.challengeUsed': { zh: '该验证已使用过，请重新操作', en: 'This card check was already used; please try again' },
  'card.challengeForeign': { zh: '验证请求无效，请刷新页面后重试', en: 'The card check does not belong to this page; refresh and try again' },
  'card.badSignature': { zh: '介质签名验证失败', en: 'The card signature could not be verified' },
  'card.certInvalid': { zh: '介质证书无效，请联系制卡代理点', en: 'The card certificate is not valid; contact your card agency' },
  'card.certExpired': { zh: '介质证书已过有效期，请办理证书延期', en: 'The card certificate has expired; have it extended' },
  'card.unknown': { zh: '系统中无此介质的登记信息', en: 'This card is not registered' },
  'card.frozen': { zh: '该介质已冻结', en: 'This card is frozen' },
  'card.lost': { zh: '该介质已挂失', en: 'This card was reported lost' },
  'card.locked': { zh: '该介质已锁定，请到制卡代理点解锁', en: 'This card is locked; have it unlocked at your card agency' },
  'card.revoked': { zh: '该介质已注销', en: 'This card was revoked' },
  'card.expired': { zh: '该介质已过期', en: 'This card has expired' },
  'card.otherEnterprise': { zh: '该介质不属于本企业', en: 'This card belongs to another enterprise' },
  'card.wrongType': { zh: '介质类型与账号类型不符（管理员绑定法人卡，操作员绑定操作员卡）', en: 'Wrong card type: administrators bind legal-person cards, operators bind operator cards' },
  'card.identityMismatch': { zh: '介质持卡人身份与账号身份信息不一致', en: "The card holder's identity does not match the account" },
  'card.boundElsewhere': { zh: '该介质已绑定其他账号', en: 'This card is bound to another account' },
  'card.alreadyBound': { zh: '该账号已绑定介质，请先解绑', en: 'This account already has a card; unbind it first' },
  'card.notBound': { zh: '该账号未绑定介质', en: 'This account has no card' },
  'card.proofRequired': { zh: '解绑需插入本账号绑定的介质并输入PIN码', en: 'Unbinding needs the bound card: insert it and enter its PIN' },
  'card.notThisCard': { zh: '插入的介质不是本账号绑定的介质', en: 'The card inserted is not the card bound to this account' },
  'operator.cardProtected': { zh: '该操作员已绑定IC卡而管理员未绑定IC卡，管理员不可修改或删除该操作员', en: 'This operator has a card and the administrator has none: the administrator cannot change or delete it' },
  'account.notInactive': { zh: '账号已激活', en: 'The account is already active' },
  'account.activationNeedsCard': { zh: '请使用卡介质登录后再激活账号', en: 'Log in with the card to activate the account' },
  'operator.notMigrated': { zh: '仅可为迁移用户重置密码', en: 'Only the password of a migrated user can be reset here' },
  'operator.noMobile': { zh: '该用户没有有效的绑定手机，请先修改其手机号码再重置密码', en: 'This user has no valid mobile number; enter one before resetting the password' },
  'username.migratedFormat': { zh: '用户名最多40位，不能包含空格或中文字符', en: 'The username may have up to 40 characters, without spaces or Chinese characters' },
  'qualification.readOnly': { zh: '该字段由系统返填，不允许修改', en: 'This field is filled by the system and cannot be changed' },
  'qualification.unknownField': { zh: '该资质信息中没有此字段', en: 'There is no such field in this qualification' },
  'mofcom.notFound': { zh: '商务部系统中未查询到本企业的对外贸易经营者备案信息', en: "MOFCOM has no foreign trade operator filing for this enterprise" },
  'option.invalid': { zh: '请从列表中选择', en: 'Choose a value from the list' },
  'customsCode.format': { zh: '关区代码应为4位数字', en: 'A customs district code has 4 digits' },
  'permission.denied': { zh: '您没有该业务的操作权限，请联系本企业管理员在“我的应用权限”中开通', en: 'You have no permission for this application; ask your administrator to grant it under My app permissions' },
  'permission.adminNoBusiness': { zh: '管理员账号不能办理业务，请使用操作员账号登录', en: 'Administrators do no business operations; log in with an operator account' },
  'permission.unknownItem': { zh: '没有此业务权限项', en: 'There is no such permission item' },
  'ticket.invalid': { zh: '应用进入凭证无效或已过期', en: 'The application ticket is invalid or has expired' },
  'account.confirmConsequences': {
    zh: '修改将使实名认证失效或解绑介质，请确认后再保存',
    en: 'This change voids the real-name verification or unbinds a card; confirm it before saving',
  },
  'account.identityByAdmin': {
    zh: '此处仅允许修改邮箱，其余信息需由管理员账号进行修改',
    en: 'Only the e-mail can be changed here; the administrator changes everything else',
  },
  'idNumber.takenInEnterprise': {
    zh: '一个企业下的所有账号，其归属人的证件号码不能重复，修改后的证件号码不能与本企业其他操作员的证件号码重复',
    en: 'The owners of the accounts of one enterprise never share an ID number: the new number is already used by another account of this enterprise',
  },
  'enterpriseInfo.tooManyChanges': {
    zh: '企业名称、统一社会信用代码、组织机构代码中最多只能修改两项',
    en: 'At most two of enterprise name, unified social credit code and organization code may change at once',
  },
  'enterpriseInfo.managedByAdmin': {
    zh: '本企业的企业信息由企业管理员维护',
    en: "This enterprise's information is maintained by its administrator",
  },
  'uscc.taken': {
    zh: '该统一社会信用代码已被其他企业使用',
    en: 'Another enterprise already has this unified social credit code',
  },
  'regNo.alreadyFilled': {
    zh: '所在国家(地区)注册编号已填写，不可修改',
    en: 'The registration number was already filled in and cannot be changed',
  },
  'mobileLogin.taken': { zh: '该账号对应的手机号已开启手机号登录！', en: 'Mobile-number login is already on for this mobile number!' },
  'mobileLogin.noMobile': {
    zh: '请先绑定11位手机号码，再开启手机号登录',
    en: 'Bind an 11-digit mainland mobile number before turning mobile-number login on',
  },
  'mobile.same': { zh: '新手机号与当前绑定手机号相同', en: 'This is already the bound mobile number' },
  'email.same': { zh: '新邮箱与当前邮箱相同', en: 'This is already your e-mail address' },
  'idCheck.mismatch': {
    zh: '证件类型或证件号码与注册时预留的信息不一致',
    en: 'The ID type or number does not match the one on file',
  },
  'idCheck.tooManyAttempts': {
    zh: '证件信息验证错误次数过多，请改用短信验证码验证',
    en: 'Too many wrong ID checks; verify with an SMS code instead',
  },
  'idCheck.unavailable': {
    zh: '该账号未预留证件信息，请使用短信验证码验证',
    en: 'This account has no ID document on file; verify with an SMS code',
  },
  'govSync.unavailable': {
    zh: '全国一体化政务服务平台暂时无法访问，请稍后再试',
    en: 'The national government service platform cannot be reached; please try again later',
  },
  'recovery.identityIncomplete': { zh: '身份信息不完整', en: 'The identity information of this account is incomplete for this method' },
  'recovery.methodInvalid': { zh: '请选择有效的验证方式', en: 'Choose one of the offered verification methods' },
  'recovery.proofMismatch': { zh: '验证信息不正确，请核对后重新填写', en: 'The information does not match; check it and try again' },
  'recovery.legalRepMismatch': { zh: '企业信息填写有误，建议您到“国家企业信用信息公示平台”核对本企业信息后重新提交，或点击“提交人工审核”进入人工审核。', en: 'The enterprise information is wrong. Check it on the National Enterprise Credit Information Publicity System and try again, or submit it for manual review.' },
  'recovery.tooManyAttempts': { zh: '验证失败次数过多，请稍后重新找回', en: 'Too many failed verifications; start again later' },
  'recovery.fewOperators': { zh: '该企业操作员不足两个，无法使用两操作员手机号验证，请选择其他认证方式', en: 'The enterprise has fewer than two operators: choose another proof' },
  'bank.badSignature': { zh: '银行认证信息验证失败', en: "The bank authorization could not be verified" },
  'bank.expired': { zh: '银行认证已超时，请重新认证', en: "The bank authorization timed out; try again" },
  'bank.notWaiting': { zh: '该流程未在等待银行认证', en: "This flow is not waiting for a bank authorization" },
  'bank.otherEnterprise': { zh: '银行UKey所属企业与填写的企业不一致', en: "The bank UKey belongs to another enterprise than the one given" },
  'recovery.bankCardMismatch': { zh: '身份信息或银行卡信息验证不通过，请检查是否填写错误', en: 'The identity or bank card check failed; check what you typed' },
  'bankCard.format': { zh: '银行卡号应为12至19位数字', en: 'A bank card number has 12 to 19 digits' },
  'review.uploadsMissing': { zh: '请上传证件及营业执照资料', en: 'Upload the ID and business license images' },
  'review.closed': { zh: '该审核申请已办结，不能再处理', en: 'This review case is already closed' },
  'review.claimedByOther': { zh: '该申请已由其他审核人员领取', en: 'Another clerk has claimed this case' },
  'review.notClaimed': { zh: '请先领取该申请再处理', en: 'Claim the case before deciding it' },
  'review.sameApprover': { zh: '双人复核：第二审核人不能与第一审核人相同', en: 'Four-eyes rule: the second approver must be another clerk' },
  'review.badAssignee': { zh: '该人员不能处理此类申请', en: 'This staff member cannot work on this queue' },
  'review.badReason': { zh: '请从列表中选择与处理结果相符的原因', en: 'Choose a reason of the list that fits the decision' },
  'upload.type': { zh: '文件格式仅支持 jpg、png、jpeg、bmp', en: 'Only jpg, png, jpeg and bmp images are accepted' },
  'upload.tooLarge': { zh: '文件大小不能超过4M', en: 'A file may have at most 4 MB' },
  'upload.unreadable': { zh: '图片文件已损坏或无法识别', en: 'The image is damaged or cannot be read' },
  'upload.tooManyPixels': { zh: '图片尺寸过大', en: 'The image has too many pixels' },
  'upload.kind': { zh: '请选择资料类型', en: 'Choose what the image shows' },
  'upload.tooMany': { zh: '上传文件数量已达上限', en: 'The limit of uploads has been reached' },
  badRequest: { zh: '请求格式错误', en: 'The request is malformed' },
  tooLarge: { zh: '提交的内容过大', en: 'The request is too large' },
  internal: { zh: '系统繁忙，请稍后再试', en: 'The system is busy, please try again later' },
  notLoggedIn: { zh: '请先登录', en: 'Please log in first' },
  forbidden: { zh: '无权进行此操作', en: 'You are not allowed to do this' },
  notFound: { zh: '未找到相关记录', en: 'Not found' },
  conflict: { zh: '数据已被修改或重复，请刷新后重试', en: 'The data changed or already exists; refresh and try again' },
  'filter.invalid': { zh: '筛选条件的取值无效', en: 'This filter value is not one the list knows' },
  validation: { zh: '请检查标红的字段', en: 'Please check the fields marked in red' },

  'uscc.format': {
    zh: '统一社会信用代码格式错误，应为18位数字或大写字母（不含I、O、S、V、Z）',
    en: 'The unified social credit code must be 18 digits or capital letters (no I, O, S, V, Z)',
  },
  'uscc.check': {
    zh: '统一社会信用代码校验位错误',
    en: 'The check character of the unified social credit code is wrong',
  },
  'orgCode.format': {
    zh: '组织机构代码格式错误，应为9位数字或大写字母，“-”不用录入',
    en: 'The organization code must be 9 digits or capital letters, typed without "-"',
  },
  'orgCode.check': { zh: '组织机构代码校验位错误', en: 'The check character of the organization code is wrong' },
  'orgCode.mismatch': {
    zh: '组织机构代码应为统一社会信用代码的第9至17位',
    en: 'The organization code must be characters 9 to 17 of the unified social credit code',
  },
  'residentId.format': {
    zh: '身份证号码格式错误，应为18位，最后一位可为数字或X',
    en: 'A resident ID number has 18 characters; the last may be a digit or X',
  },
  'residentId.birthDate': { zh: '身份证号码中的出生日期无效', en: 'The birth date in the resident ID number is not valid' },
  'residentId.check': { zh: '身份证号码校验位错误', en: 'The check digit of the resident ID number is wrong' },
  'idType.invalid': { zh: '请选择有效的证件类型', en: 'Please choose a valid ID type' },
  'passport.format': {
    zh: '护照号码格式错误，应为5至20位字母或数字',
    en: 'A passport number has 5 to 20 letters or digits',
  },
  'hkmacao.format': {
    zh: '港澳居民来往内地通行证号码格式错误，应为H或M开头加8位或10位数字',
    en: 'A Hong Kong/Macao travel permit number is H or M followed by 8 or 10 digits',
  },
  'taiwan.format': {
    zh: '台湾居民来往大陆通行证号码格式错误，应为8位或10位数字',
    en: 'A Taiwan travel permit number has 8 or 10 digits',
  },
  'foreigner.format': {
    zh: '外国人永久居留身份证号码格式错误，应为15位或18位字母或数字',
    en: 'A foreign permanent resident ID number has 15 or 18 letters or digits',
  },
  'idNumber.format': {
    zh: '证件号码格式错误，最多30个字符，不能包含空格',
    en: 'The ID number may have at most 30 characters and no spaces',
  },
  'date.format': { zh: '日期格式错误，请按YYYYMMDD填写8位数字', en: 'Enter the date as 8 digits: YYYYMMDD' },
  'date.invalid': { zh: '日期不存在，请核对', en: 'There is no such date' },
  'validity.endBeforeStart': {
    zh: '有效结束日期不能早于有效起始日期',
    en: 'The end of validity cannot be before its start',
  },
  'validity.expired': { zh: '证件已过有效期', en: 'The ID document has expired' },
  'validity.startInFuture': {
    zh: '有效起始日期不能晚于今天',
    en: 'The start of validity cannot be later than today',
  },

  'username.length': { zh: '用户名长度应为6至18位', en: 'The username must have 6 to 18 characters' },
  'username.chars': {
    zh: '用户名只能由英文字母或字母与数字组合而成（操作员、个人及境外用户须为小写字母）',
    en: 'The username may only contain letters, or letters and digits (lower case only except for enterprise administrators)',
  },
  'password.length': { zh: '密码长度应为8至16位', en: 'The password must have 8 to 16 characters' },
  'password.classes': {
    zh: '密码须包含大写字母、小写字母、数字和符号中任意三种及以上',
    en: 'The password must contain at least three of: capital letters, small letters, digits, symbols',
  },
  'password.chars': {
    zh: '密码不能包含空格、中文或其他非英文字符',
    en: 'The password cannot contain spaces, Chinese or other non-ASCII characters',
  },
  'password.mismatch': { zh: '两次输入的密码不一致', en: 'The two passwords do not match' },
  'password.sameAsOld': { zh: '新密码不能与原密码相同', en: 'The new password must differ from the old one' },
  'password.oldWrong': { zh: '原密码错误', en: 'The old password is wrong' },
  'mobile.format': { zh: '手机号码格式错误，应为11位手机号', en: 'Enter an 11-digit mainland mobile number' },
  'email.format': { zh: '邮箱格式错误', en: 'The e-mail address is not valid' },
  'name.length': { zh: '姓名不能超过50个字符', en: 'The name may have at most 50 characters' },
  'enterpriseName.length': {
    zh: '企业名称不能超过100个字符',
    en: 'The enterprise name may have at most 100 characters',
  },
  'text.controlChars': {
    zh: '不能包含控制字符或文字方向控制字符，请重新输入',
    en: 'Control characters and text-direction (bidi) controls are not allowed; please retype it',
  },
  'sms.format': { zh: '短信验证码应为6位数字', en: 'The SMS code has 6 digits' },
  'agreement.required': {
    zh: '请阅读并同意服务使用协议',
    en: 'Please read and accept the service agreement',
  },

  'registry.notFound': {
    zh: '企业信用信息库中未查到该企业，请核对统一社会信用代码',
    en: 'The enterprise was not found in the credit registry; please check the unified social credit code',
  },
  'registry.nameMismatch': {
    zh: '企业名称与登记信息不一致',
    en: 'The enterprise name does not match the registered name',
  },
  'registry.orgCodeMismatch': {
    zh: '组织机构代码与登记信息不一致',
    en: 'The organization code does not match the registered one',
  },
  'registry.legalRepMismatch': {
    zh: '法定代表人信息与登记信息不一致',
    en: 'The legal representative does not match the registered information',
  },
  'registry.cancelled': {
    zh: '该企业在企业信用信息库中的登记状态为注销（或吊销、撤销），不能办理此业务',
    en: 'The credit registry lists this enterprise as cancelled (or its license revoked); it cannot do this',
  },
  'enterprise.hasAdmin': {
    zh: '该企业已注册管理员，一个企业只能有一个管理员',
    en: 'This enterprise already has an administrator; an enterprise can have only one',
  },
  'username.taken': { zh: '该用户名已被注册', en: 'This username is already taken' },
  'idNumber.taken': {
    zh: '该证件号码已被其他账号使用',
    en: 'This ID number is already used by another account',
  },
  'captcha.wrong': { zh: '图片验证码错误', en: 'The image code is wrong' },
  'captcha.expired': { zh: '图片验证码已失效，请刷新后重新输入', en: 'The image code has expired; refresh it and try again' },
  'sms.wrong': { zh: '短信验证码错误', en: 'The SMS code is wrong' },
  'sms.expired': { zh: '短信验证码已失效，请重新获取', en: 'The SMS code has expired; please request a new one' },
  'sms.tooManyAttempts': {
    zh: '短信验证码错误次数过多，请重新获取',
    en: 'Too many wrong SMS codes; please request a new one',
  },
  'sms.notSent': { zh: '请先获取短信验证码', en: 'Please request an SMS code first' },
  'sms.tooSoon': { zh: '发送过于频繁，请稍后再试', en: 'Codes are being requested too often; please wait a moment' },
  'sms.tooManySends': {
    zh: '今日获取验证码次数已达上限，请明天再试',
    en: 'The daily limit of SMS codes has been reached; please try again tomorrow',
  },
  'sms.mobileChanged': {
    zh: '手机号与接收验证码的手机号不一致',
    en: 'The mobile number differs from the one the code was sent to',
  },
  'login.failed': { zh: '用户名或密码错误', en: 'Wrong username or password' },
  'login.throttled': { zh: '尝试次数过多，请稍后再试', en: 'Too many attempts; please try again later' },
  'login.locked': {
    zh: '账号因多次登录失败已锁定，请通过“忘记密码”找回',
    en: 'The account is locked after repeated failed logins; use "Forgot password" to recover it',
  },
  'login.inactive': { zh: '账号未激活', en: 'The account is not activated' },
  'login.disabled': { zh: '账号已停用', en: 'The account is disabled' },
  'flow.expired': { zh: '流程已过期，请重新开始', en: 'This process has expired; please start again' },
  'flow.notFound': { zh: '流程不存在或已结束', en: 'This process does not exist or has ended' },
  'flow.wrongStep': { zh: '请按步骤操作', en: 'Please follow the steps in order' },
  'flow.ended': { zh: '流程已终止，请重新开始', en: 'This process has ended; please start again' },
  'account.gone': { zh: '该账号已不存在（可能已被管理员删除），流程已终止', en: 'This account no longer exists (it may have been deleted by its administrator); the process has ended' },
  'account.disabled': { zh: '该账号已停用，流程已终止', en: 'This account is disabled; the process has ended' },
  'recovery.stale': { zh: '该账号尚未激活，或在找回过程中已变更（如已被法人卡接管或已修改密码），本次找回已终止', en: 'The account is not activated yet, or it changed while being recovered (taken over by a legal-person card, or its password changed); this recovery has ended' },
} satisfies Record<KnownErrorCode, Message>;

export const MESSAGES: Record<string, Message> = TEXTS;

/** The message for a code; an unknown code is shown as itself rather than hidden. */
export function messageFor(code: string, lang: Lang = 'zh'): string {
  // Own-property check so codes like "toString" are not found on the prototype.
  if (!Object.prototype.hasOwnProperty.call(MESSAGES, code)) return code;
  return MESSAGES[code][lang];
}
