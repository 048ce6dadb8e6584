/** Hand-written story pairs for the near-duplicate measure: wire copies, and different stories on one topic. */
export interface StoryText {
  title: string;
  summary: string;
}

export interface StoryPair {
  name: string;
  a: StoryText;
  b: StoryText;
}

const pactOriginal: StoryText = {
  title: 'Russia and North Korea sign mutual defence pact during Putin visit to Pyongyang',
  summary:
    'Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a comprehensive strategic partnership treaty on Wednesday that obliges each side to provide military assistance if the other is attacked. The agreement, reached during talks in Pyongyang, was described by Kim as the strongest treaty in the history of the two countries.',
};

const pipelineOriginal: StoryText = {
  title: 'Gazprom says Power of Siberia shipments to China hit record 38 bcm',
  summary:
    'Gas deliveries to China through the Power of Siberia pipeline reached a record 38.8 billion cubic metres last year, exceeding the contracted volume, Gazprom said on Thursday. The company said daily flows had repeatedly set new highs during the winter season.',
};

const ferryOriginal: StoryText = {
  title: '北京至平壤客运航班恢复',
  summary:
    '中国国际航空公司宣布，北京至平壤的定期客运航班将于下月恢复运营，每周两班。该航线自二零二零年起暂停。',
};

const koreanOriginal: StoryText = {
  title: '북한, 러시아와 두만강 자동차 다리 착공',
  summary:
    '북한과 러시아가 두만강을 가로지르는 자동차 다리 건설을 시작했다고 조선중앙통신이 보도했다. 다리는 내년 말 완공될 예정이며 양국 간 물류를 크게 늘릴 것으로 보인다.',
};

const russianOriginal: StoryText = {
  title: 'Россия и КНДР открыли прямое железнодорожное сообщение между Москвой и Пхеньяном',
  summary:
    'Первый пассажирский поезд из Москвы отправился в Пхеньян в понедельник, сообщило Министерство транспорта. Поезда будут ходить два раза в месяц, путь займёт около восьми суток.',
};

/** Copies of one story as different outlets carry it: every pair must score at or above the threshold. */
export const syndicatedPairs: StoryPair[] = [
  { name: 'identical wire copy', a: pactOriginal, b: { ...pactOriginal } },
  {
    name: 'one headline word changed',
    a: pactOriginal,
    b: {
      ...pactOriginal,
      title: 'Russia and North Korea sign mutual defense pact during Putin trip to Pyongyang',
    },
  },
  {
    name: 'byline added to the summary',
    a: pactOriginal,
    b: {
      ...pactOriginal,
      summary: `By Guy Faulconbridge and Hyonhee Shin, Reuters. ${pactOriginal.summary}`,
    },
  },
  {
    name: 'summary trimmed to its first sentence',
    a: pactOriginal,
    b: {
      ...pactOriginal,
      summary:
        'Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a comprehensive strategic partnership treaty on Wednesday that obliges each side to provide military assistance if the other is attacked.',
    },
  },
  {
    name: 'headline with an outlet suffix and a dateline',
    a: pipelineOriginal,
    b: {
      title: 'Gazprom says Power of Siberia shipments to China hit record 38 bcm - Moscow Times',
      summary: `MOSCOW (Reuters) - ${pipelineOriginal.summary}`,
    },
  },
  {
    name: 'curly versus straight quotes and changed case',
    a: { title: "Kim Jong Un's sister warns Seoul over drills", summary: pipelineOriginal.summary },
    b: { title: 'KIM JONG UN’S SISTER WARNS SEOUL OVER DRILLS', summary: pipelineOriginal.summary },
  },
  {
    name: 'Chinese copy with a trimmed summary',
    a: ferryOriginal,
    b: {
      title: ferryOriginal.title,
      summary: '中国国际航空公司宣布，北京至平壤的定期客运航班将于下月恢复运营，每周两班。',
    },
  },
  {
    name: 'Korean copy with an agency tag added',
    a: koreanOriginal,
    b: { title: `[속보] ${koreanOriginal.title}`, summary: koreanOriginal.summary },
  },
  {
    name: 'Russian copy with a trimmed summary',
    a: russianOriginal,
    b: {
      title: russianOriginal.title,
      summary:
        'Первый пассажирский поезд из Москвы отправился в Пхеньян в понедельник, сообщило Министерство транспорта.',
    },
  },
];

/** Different stories that share a topic, names and phrases: every pair must score well below the threshold. */
export const distinctPairs: StoryPair[] = [
  {
    name: 'two Putin–Kim stories a week apart',
    a: pactOriginal,
    b: {
      title: 'North Korea sends troops to Russia as Kim Jong Un deepens ties with Putin',
      summary:
        'North Korea has sent thousands of soldiers to Russia, South Korean intelligence said on Friday, in the clearest sign yet of the military cooperation agreed between Kim Jong Un and Vladimir Putin in Pyongyang earlier this year.',
    },
  },
  {
    name: 'two Power of Siberia stories',
    a: pipelineOriginal,
    b: {
      title: 'Talks on Power of Siberia 2 pipeline to China stall over gas price',
      summary:
        'Russia and China have failed to agree on the price of gas for the planned Power of Siberia 2 pipeline, people familiar with the talks said, delaying a deal Gazprom had hoped to sign this year.',
    },
  },
  {
    name: 'a bare headline inside a longer different story',
    a: { title: 'Putin visits Pyongyang', summary: '' },
    b: {
      title: 'What Putin wants from his visit to Pyongyang',
      summary:
        'Analysts say the Kremlin is looking for artillery shells and labour, while Pyongyang hopes for oil, food and technology. Putin visits Pyongyang for the first time in 24 years.',
    },
  },
  {
    name: 'two Chinese stories about Pyongyang flights',
    a: ferryOriginal,
    b: {
      title: '上海至平壤包机航线开通',
      summary: '首架上海至平壤的旅游包机周六起飞，机上有一百多名中国游客。这是疫情以来首条新开通的航线。',
    },
  },
  {
    name: 'two Russian railway stories',
    a: russianOriginal,
    b: {
      title: 'РЖД увеличит грузовые перевозки в КНДР через Хасан',
      summary:
        'Российские железные дороги планируют вдвое увеличить объём грузовых перевозок в КНДР через пограничный переход Хасан — Туманган, сообщил представитель компании.',
    },
  },
];
