// The benchmark's baseline: a minimal Bolt for JavaScript app on the same fake Slack Web API as Flightdeck.
// Bolt's HTTPReceiver verifies the signature (and the 5-minute window) and acks /deploy help with the same body
// Flightdeck answered (bench/run.sh saves it in HELP_FILE). Nothing else.
const fs = require('fs');
const { App, LogLevel } = require('@slack/bolt');

const help = JSON.parse(fs.readFileSync(process.env.HELP_FILE, 'utf8'));
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  logLevel: LogLevel.ERROR,
});

app.command('/deploy', async ({ ack }) => {
  await ack(help);
});

(async () => {
  await app.start(Number(process.env.PORT || 3000));
})();
