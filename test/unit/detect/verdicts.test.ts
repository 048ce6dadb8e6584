import { describe, expect, it } from 'vitest';
import { loadBaseline } from '../../../lambda/baseline/load-baseline';
import { createClassifier } from '../../../lambda/core/detect/classify';
import type { Verdict } from '../../../lambda/core/model/classification';

const classify = createClassifier(loadBaseline());

/** [fact, verdict, title, summary, published] */
const CASES: Array<[string, Verdict, string, string, string]> = [
  [
    'ties-unprecedented',
    'contradicts',
    'Behind the smiles in Moscow and Beijing, a partnership of unequals',
    'For all the talk of an unprecedented friendship between Russia and China, the two remain unequal partners.',
    '2025-09-05',
  ],
  [
    'ukraine-deal-stalled',
    'updates',
    'Xi backs Ukraine ceasefire framework in talk with Putin',
    'Xi Jinping told Vladimir Putin that China supports the ceasefire framework agreed by Moscow and Washington on Ukraine.',
    '2026-11-20',
  ],
  [
    'gas-supply-increase',
    'updates',
    'Gazprom and CNPC sign Power of Siberia 2 supply contract',
    'Gazprom and China National Petroleum signed a 30-year contract for gas through Mongolia, Miller said.',
    '2026-10-27',
  ],
  [
    'gas-volume-target',
    'contradicts',
    'Analysts doubt China will take 106 bcm of Russian gas',
    'Russian analysts doubt that gas flows to China will reach 106 billion cubic metres a year.',
    '2026-02-10',
  ],
  [
    'ties-unprecedented',
    'reaffirms',
    'Putin calls Xi a dear friend',
    'Vladimir Putin said ties between Russia and China were at an unprecedented level.',
    '2025-09-02',
  ],
  [
    'ties-unprecedented',
    'updates',
    'Analysts see cooling in Russia–China ties',
    'Diplomats describe a cooling in Sino-Russian relations as Beijing courts Europe.',
    '2026-03-01',
  ],
  [
    'ties-unprecedented',
    'contradicts',
    'Russia–China ties a marriage of convenience, analysts say',
    'Scholars in Moscow called the unprecedented partnership with China a marriage of convenience.',
    '2026-03-01',
  ],
  [
    'beijing-summit',
    'reaffirms',
    'Xi receives Putin for talks in Beijing',
    'Xi Jinping held talks with Vladimir Putin at the Great Hall of the People in Beijing.',
    '2025-09-02',
  ],
  [
    'gas-supply-increase',
    'reaffirms',
    'Russia agrees to send more gas to China',
    'Gazprom agreed to increase gas supplies to China, Putin said in Beijing.',
    '2025-09-02',
  ],
  [
    'gas-supply-increase',
    'updates',
    'Russian gas deliveries to China hit record',
    'Gazprom said gas deliveries to China reached a record 38.8 bcm in 2025.',
    '2026-01-13',
  ],
  [
    'gas-supply-increase',
    'contradicts',
    'Beijing declines to confirm Power of Siberia 2 deal',
    'China declined to confirm that a gas pipeline deal with Russia had been signed.',
    '2025-09-04',
  ],
  [
    'gas-volume-target',
    'reaffirms',
    'Russia to ship 106 bcm of gas a year to China',
    'Russia will supply China with 106 bcm a year once projects are complete.',
    '2025-09-03',
  ],
  [
    'gas-volume-target',
    'updates',
    'Russia raises gas target for China to 120 bcm a year',
    'Russian gas supplies to China could reach 120 billion cubic metres a year, Novak said.',
    '2026-02-18',
  ],
  [
    'gas-volume-target',
    'contradicts',
    'Experts call Russia–China gas target unrealistic',
    'Analysts said shipping 106 bcm per year of gas to China was unrealistic.',
    '2025-10-15',
  ],
  [
    'visa-free-trial',
    'reaffirms',
    'China admits Russians visa-free for a year',
    'Russians may enter China visa-free under a one-year trial from 15 September 2025.',
    '2025-09-02',
  ],
  [
    'visa-free-trial',
    'updates',
    'Russia mirrors China with visa-free entry for Chinese',
    'Moscow made the visa-free regime with China mutual, letting Chinese citizens in without a visa.',
    '2025-12-01',
  ],
  [
    'visa-free-trial',
    'updates',
    'China extends visa-free entry for Russians',
    'Beijing will keep the visa-free scheme for Russians until 31 December 2027.',
    '2026-08-20',
  ],
  [
    'victory-parade',
    'reaffirms',
    'Xi hosts Putin and Kim at parade',
    'Xi Jinping stood with Vladimir Putin and Kim Jong Un at the parade marking 80 years since the end of WWII.',
    '2025-09-03',
  ],
  [
    'xi-moscow-visit',
    'reaffirms',
    'Xi visits Moscow for Victory Day',
    'Xi Jinping arrived in Moscow for a state visit and Victory Day celebrations with Putin.',
    '2025-05-07',
  ],
  [
    'ukraine-deal-stalled',
    'reaffirms',
    'Putin briefs Xi on Ukraine after Trump summit',
    'Vladimir Putin told Xi Jinping that his Alaska summit with Trump produced no deal on Ukraine.',
    '2025-08-18',
  ],
  [
    'ukraine-deal-stalled',
    'updates',
    'Ceasefire in Ukraine: Trump says deal reached; China welcomes it',
    'Trump said a deal reached with Putin would end the war in Ukraine. Beijing welcomed the truce and praised Moscow.',
    '2026-06-10',
  ],
  [
    'global-governance',
    'reaffirms',
    'Xi and Putin call for a fairer world order',
    'Xi Jinping told Vladimir Putin that China and Russia should build a more just and reasonable global governance system.',
    '2025-09-02',
  ],
  [
    'sco-tianjin',
    'reaffirms',
    'Putin and Xi at SCO summit in Tianjin',
    'At the SCO summit in Tianjin, Xi Jinping decried Cold War thinking and Vladimir Putin called Eurocentric models outdated.',
    '2025-09-01',
  ],
  [
    'kim-beijing-trip',
    'reaffirms',
    "Kim Jong Un's train arrives in Beijing",
    'Kim Jong Un arrived in Beijing by train, the first North Korean leader at a Chinese parade since 1959.',
    '2025-09-02',
  ],
  [
    'kim-beijing-trip',
    'updates',
    'Kim flew to China, Seoul says',
    'North Korea’s Kim Jong Un flew to China by plane, South Korean intelligence said.',
    '2025-09-04',
  ],
  [
    'western-boycott',
    'reaffirms',
    'Western leaders stay away from Xi parade with Putin',
    'Most Western leaders stayed away from the Beijing parade over Russia’s war, leaving Xi with Putin and Kim.',
    '2025-09-02',
  ],
  [
    'china-aid-accusation',
    'reaffirms',
    'US accuses China of fuelling Russia’s war',
    'Washington accused China of fuelling Russia’s war by buying its oil; Beijing denied it.',
    '2025-09-10',
  ],
  [
    'china-aid-accusation',
    'updates',
    'Chinese refiners halt Russian crude purchases',
    'Chinese state refiners halted purchases of Russian crude after US sanctions.',
    '2025-10-23',
  ],
  [
    'nk-arms-troops',
    'reaffirms',
    'North Korea sends troops and shells to Russia',
    'North Korea has sent troops and artillery shells to Russia for its war, Seoul said.',
    '2025-09-20',
  ],
  [
    'nk-arms-troops',
    'updates',
    'Pyongyang to send 6,000 more soldiers to Russia',
    'North Korea will send 6,000 additional soldiers to Russia, Shoigu said.',
    '2025-06-17',
  ],
  [
    'nk-arms-troops',
    'contradicts',
    'North Korea denies sending arms to Russia',
    'North Korea denied supplying weapons to Russia, calling the reports absurd.',
    '2024-05-17',
  ],
  [
    'sanctions-offset',
    'reaffirms',
    'China is Russia’s lifeline against sanctions',
    'China has become Russia’s economic lifeline as the West imposed sanctions on Moscow.',
    '2025-09-03',
  ],
  [
    'sanctions-offset',
    'updates',
    'Sanctioned Russian LNG cargo unloads in China',
    'A tanker carrying sanctioned Russian LNG unloaded at a Chinese terminal.',
    '2025-10-02',
  ],
  // A denial of what the baseline asserts disputes it; an unsettled term of a standing deal updates it.
  [
    'gas-supply-increase',
    'contradicts',
    'Gazprom says no agreement yet with China on more gas',
    'Russia and China have not agreed to increase gas supplies, a Gazprom spokesman said, contradicting earlier reports that a deal had been reached in Beijing.',
    '2025-09-20',
  ],
  [
    'gas-supply-increase',
    'updates',
    'Kremlin: price for Power of Siberia 2 gas still not settled with China',
    'The price of Russian gas for China through the new pipeline has not yet been settled, Dmitry Peskov said.',
    '2025-09-20',
  ],
  [
    'gas-supply-increase',
    'updates',
    'Russia and China have not agreed on price for Siberia gas deal',
    'Moscow and Beijing have not agreed on pricing for the extra gas supplies, officials said.',
    '2025-10-20',
  ],
  // The party the baseline says denies, denying: the fact stands.
  [
    'china-aid-accusation',
    'reaffirms',
    'Beijing denies aiding Russia war effort',
    'China rejected US claims that its purchases of Russian oil and sales of dual-use goods fuel the war, calling them groundless.',
    '2025-10-20',
  ],
  [
    'nk-arms-troops',
    'contradicts',
    'Pyongyang denies sending troops to Russia',
    "North Korea's foreign ministry called reports that it sent soldiers to fight for Russia groundless.",
    '2025-10-20',
  ],
  [
    'nk-arms-troops',
    'updates',
    'North Korea sending more artillery shells to Russia, Kyiv says',
    'Pyongyang has shipped millions more shells to Russia this year, Ukrainian intelligence said.',
    '2025-10-20',
  ],
];

/** [fact, verdict, title, summary, published] — phrasings outlets use for each kind of change, and look-alikes. */
const PHRASINGS: Array<[string, Verdict, string, string, string]> = [
  // Banks turning payments away change the workaround; they dispute nothing.
  [
    'sanctions-offset',
    'updates',
    "Chinese banks tighten checks on Russian payments, squeezing Moscow's lifeline",
    'Several Chinese lenders have started rejecting yuan transfers from Russian clients linked to sanctioned sectors, people familiar said.',
    '2026-05-14',
  ],
  [
    'ties-unprecedented',
    'contradicts',
    'Opinion: the Russia–China partnership is less special than Putin claims',
    'Far from unprecedented, ties between Moscow and Beijing are a transactional arrangement in which China sets the terms, the author argues.',
    '2026-03-04',
  ],
  [
    'gas-supply-increase',
    'updates',
    'A year on, Power of Siberia 2 still lacks a price',
    'Twelve months after the memorandum on the Power of Siberia 2 gas pipeline, Moscow and Beijing have yet to agree a price and construction has not begun.',
    '2026-09-02',
  ],
  [
    'beijing-summit',
    'contradicts',
    'Kremlin says Putin and Xi did discuss Ukraine at length in Beijing',
    "Contrary to accounts that the subject was kept off the agenda, Yuri Ushakov said Vladimir Putin set out Moscow's position on a Ukraine settlement during his talks with Xi Jinping at the Great Hall.",
    '2025-09-04',
  ],
  [
    'victory-parade',
    'reaffirms',
    'Xi flanked by Putin and Kim as China stages vast show of military might',
    "Xi Jinping walked on to the Tiananmen rostrum with Vladimir Putin and Kim Jong Un to review troops marking 80 years since Japan's defeat.",
    '2025-09-03',
  ],
  // Korean: "thanked the North Korean officers and men who fought in the liberation of Kursk".
  [
    'nk-arms-troops',
    'reaffirms',
    '김정은·푸틴 베이징서 회담',
    '푸틴 대통령은 쿠르스크 해방 작전에 참전한 북한군 장병들의 용맹과 희생에 사의를 표했다.',
    '2025-09-03',
  ],
  [
    'china-aid-accusation',
    'updates',
    "EU's 20th sanctions package hits Chinese banks and traders over Russia",
    'The EU adopted a 20th sanctions package that hits Chinese banks and traders accused of helping Moscow sell oil and obtain battlefield goods.',
    '2026-02-24',
  ],
  [
    'sanctions-offset',
    'reaffirms',
    "How China became Russia's economic lifeline",
    "With European markets largely closed, Russia now sends a third of its exports to China, which has become Russia's economic lifeline.",
    '2025-12-15',
  ],
  [
    'gas-supply-increase',
    'updates',
    'Power of Siberia flows to China set to top design capacity',
    'Gazprom will pump more than 39 bcm of gas to China via Power of Siberia this year, above the 38 bcm design capacity.',
    '2026-11-10',
  ],
  // A condition is no change that happened.
  [
    'china-aid-accusation',
    'reaffirms',
    'Trump urges NATO to hit China with tariffs over Russian oil',
    'Trump said he would impose sanctions on Russia once allies stopped buying its oil, and urged tariffs on China, which he accused of funding the war.',
    '2025-09-13',
  ],
  [
    'gas-supply-increase',
    'updates',
    'Novak: Power of Siberia 2 contract terms still under negotiation',
    'Russia and China are still negotiating the price of gas for Power of Siberia 2, whose contract terms remain under negotiation, Alexander Novak said.',
    '2025-12-04',
  ],
  [
    'gas-volume-target',
    'contradicts',
    "Analysts: Russia's 106 bcm China gas goal does not stand up",
    'Energy analysts said the promised 106 billion cubic metres of Russian gas a year to China will not materialise before the 2040s.',
    '2026-01-20',
  ],
  // North Korean spelling: 렬차, not 열차.
  [
    'kim-beijing-trip',
    'reaffirms',
    '김정은동지께서 전용렬차로 베이징에 도착하시였다',
    '조선중앙통신은 김정은 위원장이 전용렬차로 중국 베이징에 도착했다고 보도했다.',
    '2025-09-03',
  ],
  [
    'nk-arms-troops',
    'updates',
    "Kim welcomes engineers home from Russia's Kursk region",
    "Kim Jong Un held a ceremony to welcome back North Korean soldiers of an engineering regiment from Russia's Kursk region.",
    '2025-12-13',
  ],
  [
    'nk-arms-troops',
    'contradicts',
    'DPRK rejects monitoring report on arms deals with Russia',
    "A DPRK spokesman said the monitoring team's report alleging illegal arms transactions between the DPRK and Russia was a sheer fabrication.",
    '2025-06-01',
  ],
  // A call on others to act is no change that happened.
  [
    'china-aid-accusation',
    'reaffirms',
    'Trump tells NATO to put tariffs on China over Russian oil',
    'Trump said NATO members should impose tariffs on China, which he accused of funding the war. Beijing said its trade with Moscow was normal.',
    '2025-09-13',
  ],
  // A change word made into an adjective describes the pipeline's past.
  [
    'gas-supply-increase',
    'reaffirms',
    'Gazprom and CNPC agree to build the long-delayed gas pipeline',
    'Gazprom agreed with CNPC to build the long-delayed Power of Siberia 2 pipeline to raise gas supplies to China, Alexei Miller said.',
    '2025-09-02',
  ],
  // An ordinal of years is no new cargo.
  [
    'sanctions-offset',
    'reaffirms',
    "Four years on, Beijing is the shock absorber of Russia's war economy",
    "As the war enters its fifth year, Russia's ability to withstand Western sanctions rests on China, which sells Russia most of its machinery.",
    '2026-02-24',
  ],
  // Korean: "additional dispatch of 5,000 military builders".
  [
    'nk-arms-troops',
    'updates',
    '국정원 "北, 러시아에 군 건설인력 5천명 추가 파견"',
    '국가정보원은 북한이 러시아에 군 건설인력 약 5천 명을 추가로 보냈다고 밝혔다.',
    '2025-11-04',
  ],
  [
    'gas-volume-target',
    'contradicts',
    "Moscow's 106 bcm China gas goal is unrealistic, analysts say",
    'Analysts in Beijing called the target of 106 billion cubic metres of Russian gas a year wishful thinking.',
    '2025-12-01',
  ],
  [
    'china-aid-accusation',
    'updates',
    'Britain sanctions Chinese refinery over Russian crude',
    'The UK sanctioned a Chinese oil refinery that processed Russian crude, saying the purchases fund the war.',
    '2025-10-15',
  ],
  // A trial or term extended, renewed, made open-ended or mutual.
  [
    'visa-free-trial',
    'updates',
    'Visa-free travel for Russians in China to run for a further year',
    'Beijing said the visa-free arrangement for Russian citizens, due to expire in September, will remain in force for a further 12 months.',
    '2026-08-10',
  ],
  [
    'visa-free-trial',
    'updates',
    'China renews visa waiver for Russian tourists',
    'The National Immigration Administration renewed the visa-free policy for holders of Russian ordinary passports for another year.',
    '2026-08-28',
  ],
  [
    'visa-free-trial',
    'updates',
    'China scraps end date of visa-free regime for Russians',
    'Russian citizens will be able to enter China visa-free indefinitely, the foreign ministry said, making the trial open-ended.',
    '2026-10-02',
  ],
  [
    'visa-free-trial',
    'updates',
    'Beijing removes expiry date from Russian visa waiver',
    'China will no longer set a deadline for its visa-free entry for Russian visitors, the foreign ministry said.',
    '2026-10-02',
  ],
  [
    'visa-free-trial',
    'updates',
    'Moscow answers in kind with visa-free entry for Chinese',
    "Russia reciprocated with visa-free entry for Chinese passport holders from 1 December, matching China's waiver for Russians.",
    '2025-12-01',
  ],
  [
    'visa-free-trial',
    'reaffirms',
    'Russian tourists flock to Hainan under visa-free trial',
    'Since China introduced its one-year visa-free trial for Russian citizens on 15 September, bookings have doubled, agencies said.',
    '2025-11-02',
  ],
  [
    'visa-free-trial',
    'reaffirms',
    'Visa-free trial keeps Russian arrivals in China climbing',
    'The visa-free trial for Russians, which runs until 14 September 2026, continues to draw tour groups to Beijing and Harbin.',
    '2026-01-15',
  ],
  // Flows, purchases and payments that grow, fall or stop.
  [
    'gas-supply-increase',
    'updates',
    'Russian pipeline gas flows to China climb in first half',
    'Gazprom pipeline deliveries to China rose to 19.6 billion cubic metres in January–June, up from 18.1 billion a year earlier.',
    '2026-07-02',
  ],
  [
    'gas-supply-increase',
    'updates',
    'Power of Siberia gas exports to China edge higher',
    'Russian gas supplies to China via Power of Siberia increased 8% year on year in the first quarter, Chinese customs data show.',
    '2026-04-20',
  ],
  [
    'gas-supply-increase',
    'updates',
    'Chinese imports of Russian pipeline gas decline',
    'Chinese imports of Russian pipeline gas dipped 6% in March from a year earlier during maintenance, customs data showed.',
    '2026-04-20',
  ],
  [
    'china-aid-accusation',
    'updates',
    "China's Russian crude purchases climb back toward record",
    'Chinese refiners increased purchases of Russian crude to about 2.3 million barrels a day, up from 1.9 million, as Washington accuses Beijing of fuelling the war.',
    '2026-02-12',
  ],
  [
    'sanctions-offset',
    'updates',
    'Chinese banks freeze payments from Russian importers',
    'Several Chinese banks froze payments for Russian importers after a US warning, undercutting a sanctions workaround Moscow relies on.',
    '2025-11-27',
  ],
  [
    'sanctions-offset',
    'updates',
    'Chinese lenders stop processing Russian transfers',
    'Regional banks in China have stopped processing transfers from Russian firms, complicating payments Moscow relies on to evade sanctions.',
    '2025-11-27',
  ],
  [
    'sanctions-offset',
    'reaffirms',
    'Moscow leans on Beijing after West froze its reserves',
    'Western sanctions froze Russian reserves abroad, leaving Russia to rely on China to offset the damage to its economy.',
    '2025-09-05',
  ],
  // Dates moved.
  [
    'gas-supply-increase',
    'updates',
    'Far Eastern gas route to China slips to 2028',
    'First deliveries of Russian gas to China via the Far Eastern route have slipped to 2028 from 2027, Gazprom said.',
    '2026-09-10',
  ],
  [
    'gas-supply-increase',
    'updates',
    'Power of Siberia 2 first gas delayed to 2032',
    'Gas supplies to China through Power of Siberia 2 will start no sooner than 2032, later than planned, the energy ministry said.',
    '2026-05-11',
  ],
  // Deals struck or signed.
  [
    'gas-supply-increase',
    'updates',
    'Gazprom and CNPC agree Power of Siberia 2 pricing formula',
    'Gazprom and CNPC have agreed the pricing formula for gas supplies through Power of Siberia 2, Miller told Putin.',
    '2026-02-19',
  ],
  [
    'gas-supply-increase',
    'reaffirms',
    'Gazprom and CNPC sign legally binding memorandum on Power of Siberia 2',
    'Gazprom and CNPC signed a legally binding memorandum on building the Power of Siberia 2 gas pipeline, Alexei Miller said in Beijing.',
    '2025-09-02',
  ],
  [
    'ukraine-deal-stalled',
    'updates',
    'Xi welcomes Russia–Ukraine ceasefire accord brokered by Trump',
    'Xi Jinping told Vladimir Putin that China welcomed the ceasefire accord Russia and Ukraine signed under US mediation.',
    '2026-06-11',
  ],
  [
    'ukraine-deal-stalled',
    'updates',
    'Beijing hails Ukraine peace agreement',
    "China's foreign ministry welcomed the peace agreement reached by Russia and Ukraine with Trump's envoys, and Putin thanked Xi for his support.",
    '2026-06-12',
  ],
  [
    'ukraine-deal-stalled',
    'reaffirms',
    'Xi and Putin meet in Beijing as Trump fails to broker Ukraine peace',
    'Xi Jinping held talks with Vladimir Putin in Beijing, where Putin said Donald Trump had so far failed to reach a peace agreement with Moscow over Ukraine.',
    '2025-09-02',
  ],
  // Figures in words and approximations.
  [
    'nk-arms-troops',
    'updates',
    'Seoul raises its count of North Korean troops in Russia',
    'North Korea has sent about fifteen thousand soldiers to Russia, up from 11,000 reported earlier, the spy agency said.',
    '2025-11-05',
  ],
  // Disputes.
  [
    'kim-beijing-trip',
    'contradicts',
    'Kim to skip Beijing trip after all, spy agency says',
    'North Korean leader Kim Jong Un will not travel to Beijing by train for the parade after all, South Korean intelligence said.',
    '2025-08-30',
  ],
  [
    'victory-parade',
    'contradicts',
    'Kim unlikely to stand beside Xi at Beijing parade after all',
    "Kim Jong Un is unlikely to attend next week's Victory Day parade in Beijing, South Korea's spy agency said, despite China's announcement.",
    '2025-08-30',
  ],
  [
    'victory-parade',
    'reaffirms',
    'Western leaders will not attend Beijing parade',
    'Most Western leaders will not attend the Victory Day parade in Beijing, where Xi Jinping will host Vladimir Putin and Kim Jong Un.',
    '2025-08-30',
  ],
  [
    'gas-supply-increase',
    'contradicts',
    'Chinese side says there is no final contract for Power of Siberia 2',
    'There is still no final contract on Russian gas supplies through Power of Siberia 2, a CNPC adviser told reporters in Beijing.',
    '2025-11-18',
  ],
  [
    'nk-arms-troops',
    'contradicts',
    'Pyongyang calls arms-transfer report slander',
    'North Korea dismissed as a smear a report by Western governments saying it had shipped artillery shells and missiles to Russia.',
    '2026-03-08',
  ],
  [
    'nk-arms-troops',
    'contradicts',
    'KCNA: claims of troops for Russia cooked up by hostile forces',
    "North Korea's foreign ministry said claims that its troops fight for Russia were lies cooked up by hostile forces.",
    '2025-10-01',
  ],
  [
    'beijing-summit',
    'contradicts',
    'Kremlin readout: Putin discussed Ukraine with Xi at Beijing talks',
    'Vladimir Putin discussed the Ukraine settlement with Xi Jinping at length during their talks in Beijing, the Kremlin said, contrary to reports that he avoided the subject.',
    '2025-09-03',
  ],
  [
    'nk-arms-troops',
    'updates',
    'North Korean sappers come home from Russia',
    "Kim Jong Un embraced soldiers of an engineer regiment who had come home after clearing mines in Russia's Kursk region.",
    '2025-12-13',
  ],
  [
    'visa-free-trial',
    'updates',
    'Russia lets Chinese tourists in without visa',
    'Chinese citizens may now stay in Russia for 30 days without visa: the regime, which only let Russians into China, has become two-sided.',
    '2025-12-02',
  ],
  [
    'gas-volume-target',
    'contradicts',
    "Opinion: Moscow's gas figure is a wish list",
    'The 106 billion cubic metres a year of Russian gas for China touted by the Kremlin is a wish list dressed up as a contract.',
    '2025-10-10',
  ],
  [
    'gas-supply-increase',
    'updates',
    'Far Eastern gas route to China slips to 2027',
    'Gazprom now expects first gas to flow to China via the Far Eastern route in early 2027, blaming slower-than-planned construction.',
    '2026-06-19',
  ],
  [
    'gas-volume-target',
    'contradicts',
    "Beijing never signed up to Moscow's 106 bcm gas figure, analysts say",
    "China never signed up to Russia's figure of 106 bcm of gas a year, Chinese energy analysts said.",
    '2025-10-02',
  ],
  // A readout that names the leaders by office only.
  [
    'beijing-summit',
    'reaffirms',
    'Russian-Chinese talks',
    "Talks between the President of Russia and the Chairman of the People's Republic of China took place in Beijing, first in a narrow format and then with the delegations.",
    '2025-09-02',
  ],
  // The baseline figure named as the one replaced: the other figure is the update.
  [
    'gas-volume-target',
    'updates',
    'Gazprom, CNPC lift pipeline plan to 118 bn m³',
    'Total pipeline deliveries of Russian gas to China are now planned at 118 bn m³ per year, instead of the 106 bn m³ announced in September.',
    '2025-12-05',
  ],
  [
    'gas-volume-target',
    'updates',
    'Russia raises gas export goal for China',
    'Russian gas exports to China are to rise to 120 bcm a year from 106 bcm once the new lines are complete, Novak said.',
    '2025-12-05',
  ],
  [
    'gas-volume-target',
    'reaffirms',
    'Russian gas for China to reach 106 bcm',
    'Russian gas exports to China are to reach 106 bcm a year, up from 38 bcm now, once current projects are complete.',
    '2025-09-05',
  ],
  // A denied report of a change: neither a dispute of the fact nor a change of it.
  [
    'visa-free-trial',
    'reaffirms',
    'Chinese embassy dismisses rumours that the visa waiver for Russians was suspended',
    'The embassy in Moscow rejected posts on Telegram which claimed that visa-free entry for Russian citizens had been halted. The trial goes on as planned, it said.',
    '2025-11-20',
  ],
  [
    'gas-supply-increase',
    'reaffirms',
    'Gazprom denies reports that Power of Siberia 2 talks with China have been frozen',
    'Gazprom on Monday dismissed media reports saying gas supply talks with CNPC had stalled, and said the agreed increase in supplies to China stands.',
    '2025-12-01',
  ],
  [
    'china-aid-accusation',
    'reaffirms',
    'Beijing denies aiding Russia as US presses accusations',
    "China denied aiding Russia's war after the United States accused it of fuelling the war by buying Russian oil.",
    '2025-09-05',
  ],
];

describe('fact verdicts', () => {
  it.each(CASES)('%s %s: %s', (factId, verdict, title, summary, published) => {
    // Act
    const result = classify({ id: 't', title, summary, published });
    // Assess
    expect(result.relevant).toBe(true);
    const finding = result.facts.find((fact) => fact.factId === factId);
    expect(finding?.verdict).toBe(verdict);
    expect(finding?.evidence.length).toBeGreaterThan(0);
  });

  it.each(PHRASINGS)('%s %s on an outlet phrasing: %s', (factId, verdict, title, summary, published) => {
    // Act
    const result = classify({ id: 't', title, summary, published });
    // Assess
    const finding = result.facts.find((fact) => fact.factId === factId);
    expect(finding?.verdict).toBe(verdict);
  });

  it('reports the baseline and the observed value of an update', () => {
    const result = classify({
      id: 't',
      title: 'Russia raises gas target for China to 120 bcm a year',
      summary: 'Russian gas supplies to China could reach 120 bcm a year, Novak said.',
    });
    const finding = result.facts.find((fact) => fact.factId === 'gas-volume-target');
    expect(finding).toMatchObject({ baseline: '106 bcm/year', observed: '120 bcm/year' });
  });

  it('raises a contradiction alert over an update in the same story', () => {
    const result = classify({
      id: 't',
      title: 'North Korea denies sending arms to Russia as Chinese refiners halt Russian crude purchases',
      summary:
        'North Korea denied supplying weapons to Russia. Chinese state refiners halted purchases of Russian crude.',
    });
    expect(result.alert?.kind).toBe('contradiction');
  });

  it('reads a part of the target as context, not a new target', () => {
    const result = classify({
      id: 't',
      title: 'Gazprom to lift Power of Siberia flows to China to 44 bcm a year',
      summary:
        'Russia will raise flows to China on the first Power of Siberia line to 44 bcm a year from 38 bcm.',
    });
    expect(result.facts.find((fact) => fact.factId === 'gas-volume-target')?.verdict).not.toBe('updates');
  });

  it('does not read parade troops as troops sent to Russia', () => {
    const result = classify({
      id: 't',
      title: 'Xi flanked by Putin and Kim as troops march through Beijing',
      summary:
        "Russia's Vladimir Putin and North Korea's Kim Jong Un watched as tens of thousands of troops marched.",
    });
    expect(result.facts.map((fact) => fact.factId)).not.toContain('nk-arms-troops');
  });

  it("does not read another country's party-anniversary parade as the Beijing victory parade", () => {
    const result = classify({
      id: 't',
      title: "Li Qiang attends Workers' Party anniversary parade in Pyongyang",
      summary:
        'Chinese Premier Li Qiang stood beside Kim Jong Un as North Korea marked 80 years of its ruling party with a parade.',
    });
    expect(result.facts.map((fact) => fact.factId)).not.toContain('victory-parade');
  });

  it('does not read a phone call between Xi and Putin as the Beijing talks', () => {
    const result = classify({
      id: 't',
      title: 'Xi backs ceasefire framework in call with Putin',
      summary: 'Xi Jinping told Vladimir Putin in a call with the Kremlin that Beijing welcomed the talks.',
    });
    expect(result.facts.map((fact) => fact.factId)).not.toContain('beijing-summit');
  });

  it('does not read a later meeting of Putin and Xi, with Beijing only as a government, as the Beijing talks', () => {
    const result = classify({
      id: 't',
      title: "Trump says Putin talks 'going nowhere', will raise Ukraine with Xi",
      summary:
        'Donald Trump said his efforts to get Vladimir Putin to end the war had stalled and that he would ask Xi Jinping to use his influence over Moscow when they meet in South Korea. Beijing has said it is not a party to the conflict.',
    });
    expect(result.facts.map((fact) => fact.factId)).not.toContain('beijing-summit');
  });

  it('raises a new-development alert for a relevant story no fact covers', () => {
    const result = classify({
      id: 't',
      title: 'Russia and North Korea open road bridge',
      summary: 'Moscow and Pyongyang opened the bridge.',
    });
    expect(result.alert).toEqual({ kind: 'new-development', factIds: [] });
  });

  it('raises no alert for a story that only reaffirms', () => {
    const result = classify({
      id: 't',
      title: 'Putin calls Xi a dear friend',
      summary: 'Putin said ties with China were unprecedented.',
    });
    expect(result.alert).toBeNull();
  });
});
