import { describe, expect, it } from 'vitest';
import { guessLanguage } from '../../../../main/core/clip/guess-language';

describe('guessLanguage', () => {
  it('recognises a few Latin-script languages from their function words', () => {
    expect(guessLanguage('The minister said that the talks with the United States were useful, but he does not expect a breakthrough from them this week, and the press was told to wait.')).toBe('en');
    expect(guessLanguage('Der Minister sagte, dass die Gespräche mit den Vereinigten Staaten nützlich seien, aber er erwarte keinen Durchbruch, und die Presse wird auf eine Erklärung warten.')).toBe('de');
    expect(guessLanguage('Le ministre a déclaré que les discussions avec les États-Unis sont utiles, mais il ne pense pas que cette rencontre sera décisive pour leur avenir et pour nous.')).toBe('fr');
  });

  it('recognises scripts that name their language', () => {
    expect(guessLanguage('トレンドマイクロは3月9日、通信を暗号化し保護するアプリを発表した。')).toBe('ja');
    expect(guessLanguage('图为马素湘在澳大利亚悉尼游玩时的近影。出国前后关注点大不同。')).toBe('zh');
  });

  it('says null when unsure', () => {
    expect(guessLanguage('Lavrov Blinken Geneva')).toBeNull();
    expect(guessLanguage('12345 67890')).toBeNull();
  });
});
