import { describe, expect, it } from 'vitest';
import { countriesOf, createCountryRecogniser } from '../../../lambda/core/detect/recognise-countries';

const recogniser = createCountryRecogniser();
const countries = (text: string) => countriesOf(recogniser.recognise(text));

describe('recogniseCountries', () => {
  it.each([
    ['Vladimir Putin spoke on Tuesday', ['RU']],
    ['the Kremlin said', ['RU']],
    ['Lavrov and Shoigu arrived', ['RU']],
    ['Peskov and Ushakov told reporters', ['RU']],
    ['Gazprom and Rosneft shares fell', ['RU']],
    ['TASS reported', ['RU']],
    ['Xi Jinping said', ['CN']],
    ['Xi said', ['CN']],
    ['Wang Yi and Li Qiang met', ['CN']],
    ['CNPC, Sinopec and PetroChina', ['CN']],
    ['Xinhua reported from Zhongnanhai', ['CN']],
    ['Kim Jong Un watched', ['KP']],
    ['Kim Jong-un watched', ['KP']],
    ['Kim Yo Jong said', ['KP']],
    ['Choe Son Hui met', ['KP']],
    ['KCNA and Rodong Sinmun reported', ['KP']],
    ['the DPRK said in Pyongyang', ['KP']],
    ['Путин прибыл в Пекин', ['RU', 'CN']],
    ['КНДР и Россия', ['RU', 'KP']],
    ['习近平会见普京', ['RU', 'CN']],
    ['中俄关系', ['RU', 'CN']],
    ['朝鲜领导人金正恩', ['KP']],
    ['김정은 위원장과 푸틴 대통령', ['RU', 'KP']],
    ['북한과 중국', ['CN', 'KP']],
    ['北, 러시아에 포탄 추가 이송', ['RU', 'KP']],
    ['北 미사일 발사', ['KP']],
    ['Sino-Russian trade', ['RU', 'CN']],
    ['the Power of Siberia pipeline', ['RU', 'CN']],
    ['Rosatom and CNNC signed fuel contracts', ['RU', 'CN']],
    ['Tien beat Daniil Medvedev in Beijing; Medvedev had won three matches', ['CN']],
    ['Russian Railways said freight rose', ['RU']],
    ['Deputy Prime Minister Alexei Overchuk said', ['RU']],
    ['Choe Ryong Hae received the delegation', ['KP']],
  ])('recognises %s', (text, expected) => {
    // Prepare / Act
    const found = countries(text);
    // Assess
    expect(found).toEqual(expected);
  });

  it.each([
    ['South Korea and Seoul signed a deal with the ROK navy'],
    ['a Korea forum met in Seoul'],
    ['a box of broken china sold at auction'],
    ['she collects fine china and bone china'],
    ['Broken China fetches £160,000'],
    ['a china cabinet in the hall'],
    ['Kim Kardashian launched a brand'],
    ['Pope Louis XI and the kings'],
    ['the 朝鲜半岛 situation'],
    ['东北 and 北方 regions'],
    ['Rasputin was a mystic; Распутин тоже'],
    ['let us go to the US'],
  ])('finds no watched country in %s', (text) => {
    expect(countries(text)).toEqual([]);
  });

  it('reads a bare Kim as Kim Jong Un when North Korea is named', () => {
    const mentions = recogniser.recognise('North Korea hailed the visit. Kim said ties were strong.');
    expect(mentions.map((mention) => mention.text)).toContain('Kim');
  });

  it('does not read Kim Min-seok as North Korea even beside North Korea', () => {
    const mentions = recogniser.recognise('Kim Min-seok warned North Korea');
    expect(mentions.map((mention) => mention.text)).toEqual(['North Korea']);
  });

  it('finds nothing in a story with no alias at all, and a mention in one with', () => {
    expect(recogniser.recognise('Parliament passes budget in Lima')).toEqual([]);
    expect(countries('Moscow responds')).toEqual(['RU']);
  });
});
