// The generic controls in a real browser: typing out of range clamps and explains; a non-number is refused.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/ui/controls/error-box';
import '../../src/ui/controls/progress';
import '../../src/ui/controls/select';
import '../../src/ui/controls/slider';
import '../../src/ui/controls/toggle';
import type { VivaSlider } from '../../src/ui/controls/slider';

afterEach(() => document.body.replaceChildren());

async function mount<T extends HTMLElement>(markup: string): Promise<T> {
  document.body.innerHTML = markup;
  const el = document.body.firstElementChild as T & { updateComplete: Promise<unknown> };
  await el.updateComplete;
  return el;
}

function typeNumber(slider: VivaSlider, text: string): void {
  const input = slider.shadowRoot!.querySelector('input.number') as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('change'));
}

describe('<viva-slider>', () => {
  it('clamps a value above the maximum, shows why, and fires change with the clamped value', async () => {
    const slider = await mount<VivaSlider>(
      '<viva-slider label="Batch" min="2" max="256" step="1" integer value="32"></viva-slider>',
    );
    const values: number[] = [];
    slider.addEventListener('change', (e) => values.push((e as CustomEvent<number>).detail));
    typeNumber(slider, '300');
    await slider.updateComplete;
    expect(slider.value).toBe(256);
    expect(values).toEqual([256]);
    const message = slider.shadowRoot!.querySelector('.message')!.textContent!.trim();
    expect(message).toBe('300 is above the maximum 256; using 256.');
    expect(slider.shadowRoot!.querySelector('input.number')!.getAttribute('aria-invalid')).toBe('true');
  });

  it('Enter after an out-of-range value clamps and keeps the message beside the box (real keystrokes)', async () => {
    const slider = await mount<VivaSlider>(
      '<viva-slider label="Speed" min="1" max="60" step="1" integer value="20"></viva-slider>',
    );
    const input = slider.shadowRoot!.querySelector('input.number') as HTMLInputElement;
    await userEvent.clear(input);
    await userEvent.type(input, '999{Enter}');
    await slider.updateComplete;
    expect(slider.value).toBe(60);
    expect(input.value).toBe('60');
    expect(slider.shadowRoot!.querySelector('.message')!.textContent!.trim()).toBe(
      '999 is above the maximum 60; using 60.',
    );
    await userEvent.tab(); // leaving the box (a second change event) keeps the message too
    await slider.updateComplete;
    expect(slider.shadowRoot!.querySelector('.message')!.textContent!.trim()).toBe(
      '999 is above the maximum 60; using 60.',
    );
  });

  it('keeps the old value on a non-number and says so; a good value clears the message', async () => {
    const slider = await mount<VivaSlider>(
      '<viva-slider label="Depth" min="1" max="64" step="1" value="20"></viva-slider>',
    );
    typeNumber(slider, 'deep');
    await slider.updateComplete;
    expect(slider.value).toBe(20);
    expect(slider.shadowRoot!.querySelector('.message')!.textContent).toContain('"deep" is not a number');
    typeNumber(slider, '8');
    await slider.updateComplete;
    expect(slider.value).toBe(8);
    expect(slider.shadowRoot!.querySelector('.message')!.textContent!.trim()).toBe('');
  });

  it('moves with the range input', async () => {
    const slider = await mount<VivaSlider>(
      '<viva-slider label="lr" min="0" max="1" step="0.1" value="0.5"></viva-slider>',
    );
    const range = slider.shadowRoot!.querySelector('input[type=range]') as HTMLInputElement;
    range.value = '0.8';
    range.dispatchEvent(new Event('input'));
    await slider.updateComplete;
    expect(slider.value).toBe(0.8);
    expect((slider.shadowRoot!.querySelector('input.number') as HTMLInputElement).value).toBe('0.8');
  });
});

describe('<viva-toggle>, <viva-select>, <viva-progress>, <viva-error>', () => {
  it('toggles with a click and reports it as a switch', async () => {
    const toggle = await mount<HTMLElement & { checked: boolean; updateComplete: Promise<unknown> }>(
      '<viva-toggle label="Residual"></viva-toggle>',
    );
    const button = toggle.shadowRoot!.querySelector('button')!;
    button.click();
    await toggle.updateComplete;
    expect(toggle.checked).toBe(true);
    expect(button.getAttribute('aria-checked')).toBe('true');
  });

  it('selects and fires change', async () => {
    const select = await mount<
      HTMLElement & { options: string[]; value: string; updateComplete: Promise<unknown> }
    >('<viva-select label="Activation" value="tanh"></viva-select>');
    select.options = ['sigmoid', 'tanh', 'relu'];
    await select.updateComplete;
    const inner = select.shadowRoot!.querySelector('select')!;
    expect(inner.value).toBe('tanh');
    let got = '';
    select.addEventListener('change', (e) => (got = (e as CustomEvent<string>).detail));
    inner.value = 'relu';
    inner.dispatchEvent(new Event('change'));
    expect(got).toBe('relu');
  });

  it('shows progress as a percentage and an error as an alert', async () => {
    const progress = await mount<HTMLElement & { updateComplete: Promise<unknown> }>(
      '<viva-progress value="0.42" label="training"></viva-progress>',
    );
    expect(progress.shadowRoot!.querySelector('[role=progressbar]')!.getAttribute('aria-valuenow')).toBe(
      '42',
    );
    const error = await mount<HTMLElement & { updateComplete: Promise<unknown> }>(
      '<viva-error message="Diverged at step 12"></viva-error>',
    );
    expect(error.shadowRoot!.querySelector('[role=alert]')!.textContent).toBe('Diverged at step 12');
  });
});
