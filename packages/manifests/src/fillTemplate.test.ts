import { describe, expect, it } from 'vitest';
import { fillTemplate } from './fillTemplate.ts';

describe('fillTemplate', () => {
  it('fills placeholders inside strings, at any depth', () => {
    const template = { url: '{{BASE}}/home', list: [{ domain: '{{HOST}}' }], count: 3, on: true };

    expect(fillTemplate(template, { BASE: 'https://a.example', HOST: 'a.example' })).toEqual({
      url: 'https://a.example/home',
      list: [{ domain: 'a.example' }],
      count: 3,
      on: true,
    });
  });

  it('puts a list where a placeholder is the whole value', () => {
    expect(fillTemplate({ apis: '{{APIS}}' }, { APIS: ['a', 'b'] })).toEqual({ apis: ['a', 'b'] });
  });

  it('puts a flag where a placeholder is the whole value', () => {
    expect(fillTemplate({ on: '{{ON}}', off: '{{OFF}}' }, { ON: true, OFF: false })).toEqual({
      on: true,
      off: false,
    });
  });

  it('throws on a placeholder without value, and on a list or a flag inside text', () => {
    expect(() => fillTemplate({ a: '{{MISSING}}' }, {})).toThrow(/MISSING/);
    expect(() => fillTemplate({ a: 'x {{APIS}}' }, { APIS: ['a'] })).toThrow(/APIS/);
    expect(() => fillTemplate({ a: 'x {{ON}}' }, { ON: true })).toThrow(/ON/);
  });
});
