import { ConfigError, loadConfig } from '@subsidy/config';

describe('mail configuration', () => {
  it('sends no e-mail unless SMTP_URL is set', () => {
    expect(loadConfig({}).mail).toEqual({ smtpUrl: null, from: 'Subsidy Hub <no-reply@subsidy-hub.local>' });
    expect(loadConfig({ SMTP_URL: '' }).mail.smtpUrl).toBeNull();
  });

  it('reads SMTP_URL and MAIL_FROM', () => {
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: '补助平台 <noreply@gov.example.cn>' }).mail).toEqual({
      smtpUrl: 'smtp://127.0.0.1:2525',
      from: '补助平台 <noreply@gov.example.cn>',
    });
  });

  it('names SMTP_URL when it is not an smtp(s) URL', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.cn' })).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.cn' })).toThrow(/SMTP_URL/);
  });
});
