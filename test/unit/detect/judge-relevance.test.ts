import { describe, expect, it } from 'vitest';
import { analyseStory } from '../../../lambda/core/detect/analyse-story';
import { judgeRelevance } from '../../../lambda/core/detect/judge-relevance';
import { createCountryRecogniser } from '../../../lambda/core/detect/recognise-countries';

const recogniser = createCountryRecogniser();
function relevant(title: string, summary: string): boolean {
  return judgeRelevance(analyseStory(title, summary, recogniser.recognise(`${title}\n${summary}`))).relevant;
}

describe('judgeRelevance', () => {
  it.each([
    ['Putin and Xi pledge deeper ties', 'The two leaders met in Beijing.'],
    ['Russia and North Korea open road bridge', 'Moscow and Pyongyang celebrated the project.'],
    ['Russia–China trade slips 7%', 'Bilateral trade fell last year.'],
    ['Chinese refiners halt purchases of Russian crude', 'Traders said state firms stopped buying.'],
    ['Kim sends letter to Putin', 'Kim Jong Un praised the alliance with Moscow.'],
    ['Miller vows notice of Power of Siberia 2 start', 'Gazprom will announce construction in advance.'],
    [
      'Japan scrambles jets as Chinese and Russian bombers fly joint patrol',
      'Tokyo called it a show of force.',
    ],
    [
      "Kim's armoured train pulls into Beijing",
      'North Korean leader Kim Jong Un arrived in Beijing by train.',
    ],
    ['China to let Russians visit without visas for a year', ''],
    ['Kremlin says Kim Jong Un is welcome in Moscow', 'A visit by Kim Jong Un to Russia is on the agenda.'],
    ['Putin, Xi and Kim on Tiananmen rostrum signal defiance of the West', ''],
    ['Kim arrives for parade after overnight train ride to Beijing', ''],
    // A joint exercise is joint whoever else takes part.
    [
      'Iran, Russia and China begin naval drill',
      'Warships from Iran, Russia and China began a joint exercise.',
    ],
    // A third party in a subject that names both watched countries does not frame them.
    [
      "Iran, Russia and China begin 'Maritime Security Belt 2026' naval drills",
      'Warships from Iran, Russia and China began their annual joint naval exercise in the Gulf of Oman.',
    ],
    // Leaders acting at one occasion the title names; "Russian President Vladimir Putin" is a person.
    [
      "Xi unveils governance plan at 'SCO Plus' meeting in Tianjin",
      'Xi Jinping proposed a Global Governance Initiative. Russian President Vladimir Putin, seated among 20 leaders, endorsed it.',
    ],
    // A regiment ties a country named once in the summary to the title's.
    [
      'Kim welcomes home army engineers after Kursk demining mission',
      "Kim Jong Un held a ceremony in Pyongyang for a military engineering regiment returning from Russia's Kursk region.",
    ],
    // Troops returning from the other country relate the two.
    [
      'Kim welcomes home engineer regiment after demining mission',
      "Kim Jong Un held a ceremony for a North Korean engineering regiment returning from Russia's Kursk region, where it cleared mines. Seoul says other units remain in Russia.",
    ],
    // Russian: "met Kim Jong Un" in the perfective.
    [
      'Медведев в Пхеньяне',
      'Дмитрий Медведев встретился с Ким Чен Ыном и передал ему послание Владимира Путина. Россия не забудет подвиг северокорейских военнослужащих.',
    ],
    // A coordination with a shared predicate of exchange.
    [
      'Xi, Putin exchange messages on anniversary of friendship treaty',
      'Xi Jinping and Vladimir Putin exchanged congratulatory messages on Thursday.',
    ],
    // Russian: "visa-free regime for Russians in China takes effect"; the summary relates them by entry.
    [
      'Безвизовый режим для россиян в Китае вступил в силу',
      'Граждане России могут въезжать в Китай без визы на срок до 30 дней.',
    ],
    // Coordinated demonyms list buyers; each still deals with the other watched country.
    [
      'Indian and Chinese refiners halt Russian crude purchases',
      "China's Sinopec has paused purchases of Russian oil cargoes.",
    ],
    // A title naming neither country leaves the story to a lead that joins two of them in one compound.
    [
      'Tianjin showed what a fairer world order looks like',
      'The SCO summit and the China–Russia talks that followed sent a clear message to the West.',
    ],
    ['Amur cable car carries first passengers', 'The Sino-Russian project links Blagoveshchensk and Heihe.'],
    // Korean puts the relation after both names.
    ['北, 러시아에 자주포 추가 이송', '북한이 러시아에 보낸 포탄이 늘었다.'],
    ['Russian skiers to get winter tours to North Korea', 'Operators will sell ski trips this winter.'],
    // A strong economic tie makes a country named once in the summary count.
    [
      'Russia’s gas pivot falls short',
      'Russian gas sales to China would top out below Europe’s old volumes.',
    ],
    // Leaders who each act at one occasion the title names.
    [
      'Summit opens: Xi decries bloc politics as Putin blames the West',
      'Xi Jinping spoke first at the gathering. Later in the session, Vladimir Putin said the crisis was made in the West.',
    ],
    ["A guide to Xi's parade guests", 'Vladimir Putin stood to the right of the host on the rostrum.'],
    // A possessive stand-in carries the sentence's subject.
    [
      'North Korea dismisses arms reports',
      "Pyongyang's envoy told the General Assembly of the United Nations in a long speech that claims his country ships shells to Russia were invented.",
    ],
    // Dependence is a relation.
    ['Moscow leans on Beijing for parts', 'Russia relies on China for machine tools.'],
    // The summary repeats the title's relation word with both names.
    [
      'China extends visa-free entry for Russian visitors',
      "China's foreign ministry said Russian holders of ordinary passports may keep entering the country for a month without a visa.",
    ],
    ['Путин и Си Цзиньпин обсудили ситуацию', 'Владимир Путин проинформировал Си Цзиньпина о контактах.'],
    // A relation word, then "between" two names, even with a firm's legal form in front of the first.
    [
      'Gazprom, CNPC agree to double Far Eastern route',
      'Under the supplementary agreement reached between PJSC Gazprom and China National Petroleum Corporation, capacity doubles to 24 bcm.',
    ],
    // A joint appearance ties a leader named once to the title's.
    ['Xi hosts parade', 'Kim Jong Un watched the parade together with Xi Jinping from the rostrum.'],
    // A title that names no country, over two of them acting together.
    [
      'SCO leaders gather in Bishkek',
      'Heads of state of the bloc met in Bishkek on Friday. The Russian and Chinese presidents held a separate bilateral meeting on the sidelines.',
    ],
    // A title about a relationship, whose parties only the summary names.
    [
      'Op-ed: Beneath the smiles, a lopsided partnership',
      'The toasts in Beijing hide a relationship that is anything but equal: Moscow is the supplicant and Beijing sets the terms. Russia has slipped into the role of junior partner.',
    ],
  ])('calls "%s" relevant', (title, summary) => {
    expect(relevant(title, summary)).toBe(true);
  });

  it.each([
    // A compound with a third party ("Trump–Xi") pairs the name with it.
    [
      'N. Korea fires ballistic missiles ahead of APEC summit, Trump–Xi meeting',
      'North Korea fired missiles a week before the APEC summit, where Donald Trump and Xi Jinping are expected to meet.',
    ],
    // Two statements in one sentence: what follows the second name is no shared word.
    [
      'Rutte: NATO must be ready for Russia while watching China',
      'Rutte said Russia could be ready to attack the alliance within five years, and warned that China was building up its nuclear arsenal.',
    ],
    // A list governed by "linked to" names the objects of someone else's action.
    [
      'OpenAI disrupts accounts linked to Chinese, Russian and North Korean operators',
      'The company said it banned accounts linked to Chinese, Russian and North Korean operators.',
    ],
    // A contrast of two market factors is no relation between the countries.
    [
      'Oil edges up as traders weigh Russian supply risk against soft Chinese demand',
      'Brent rose as markets assessed Russian export volumes, while weak factory data from China capped gains.',
    ],
    // A third party sharing the subject with one watched country makes the other its topic.
    [
      'South Korea and China hold strategic dialogue',
      'South Korea and China held talks in Seoul on ways to bring North Korea back to dialogue.',
    ],
    // Without a name in the title, a lead that merely names both is not enough.
    [
      'Rail operators shift volumes to Middle Corridor',
      'Block trains from China now avoid Russia, operators said, as insurers balk.',
    ],
    [
      'Japan lists North Korea, China and Russia as threats',
      'The white paper lists North Korea, China and Russia as top threats.',
    ],
    [
      'Seoul to build sub to track North Korean, Chinese boats',
      'South Korea will keep pace with North Korean and Chinese submarines.',
    ],
    ['Ukraine hit by Russian strikes', 'Kyiv urged China and India, buyers of Russian oil, to press Moscow.'],
    // A relation word before "and" belongs to the first conjunct; a headline's "as" opens a new clause.
    ['Oil up on Russian supply risk and weak Chinese demand', 'Brent rose 1%.'],
    ['Hungary buys more Russian gas as Chinese battery plant opens', 'Budapest extended its contract.'],
    // A shared relation word does not tie a coordination that is someone else's object.
    ['Trump wants arms talks with Russia and China', 'He wants talks with both Moscow and Beijing.'],
    [
      'North Korea fires missiles',
      'Kim Jong Un watched. Later, Lee Jae Myung flew to Beijing for talks with Xi Jinping.',
    ],
    [
      'US to resume nuclear tests',
      "Moscow tested a missile while China's arsenal grows and Russia's stockpile stays large.",
    ],
    ['Putin lands in Delhi for summit', 'India and Russia signed deals. Beijing welcomed the visit.'],
    ['Tariffs spare Russia, North Korea', 'Russia, North Korea, Cuba and Belarus were spared the order.'],
    [
      'Seoul and Beijing agree to ease travel, discuss North Korea',
      "South Korean Foreign Minister Cho Hyun and China's Wang Yi agreed to keep talking about North Korea.",
    ],
    ['Iran, Russia and China condemn strikes', 'Iran, Russia and China issued statements on the attack.'],
    ['북한, 동해상으로 탄도미사일 발사…중국 "자제해야"', '중국 외교부는 자제를 촉구했다.'],
    [
      'Seoul and Beijing hold talks on North Korea',
      'South Korean and Chinese envoys met in Beijing to discuss North Korea.',
    ],
    ['Putin speaks to reporters', 'Speaking in Beijing, Vladimir Putin said he was ready to meet Zelensky.'],
    // Relation words that do not stand between the two names.
    [
      'North Korea beat China to reach the final',
      'North Korea scored twice to beat China 3-1 in the semi-final.',
    ],
    [
      'Lee and Takaichi agree to cooperate on North Korea and China',
      'The leaders agreed to keep up trilateral cooperation in dealing with North Korea and China.',
    ],
    // A third party's meeting, and its conjuncts.
    [
      'Modi meets Putin on SCO sidelines',
      'Narendra Modi held talks with Vladimir Putin at the Chinese-hosted summit.',
    ],
    [
      'Lee visits Beijing, asks Xi to help restart dialogue with Pyongyang',
      'President Lee Jae Myung asked Xi Jinping to help reopen talks with North Korea.',
    ],
    [
      'Japan approves record defence budget amid China, North Korea, Russia threats',
      "Tokyo cited China's military build-up, North Korea's missiles and Russian activity near its borders.",
    ],
    // A title relation the summary names both countries apart from and never corroborates.
    [
      'Oil climbs as Russian supply risks offset soft Chinese data',
      'Traders weighed sanctions on Russian producers against weaker-than-expected Chinese output.',
    ],
    // A third party's story: the joint appearance is an aside about one of its people.
    [
      'Trump says he would meet Kim Jong Un during Asia trip',
      'Kim, who stood beside Xi Jinping and Vladimir Putin at the parade, said he could talk to Washington.',
    ],
    // A title that names no country, over two of them acting apart.
    [
      'Security Council fails to pass ceasefire text',
      'Russia and China vetoed the draft, which the United States had put forward.',
    ],
    // A relationship title whose summary brings in another partner.
    [
      'A partnership of convenience',
      'Moscow courts New Delhi as Beijing watches. Russia sells India oil; China buys Russian gas too.',
    ],
    // A relationship title, but one party is named only once.
    [
      'The partnership that shaped an era',
      'Russia built its space programme with American help; China watched.',
    ],
  ])('calls "%s" irrelevant', (title, summary) => {
    expect(relevant(title, summary)).toBe(false);
  });
});
