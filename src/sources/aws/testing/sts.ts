// STS on the wire (Query protocol, XML answers): who the caller is, and AssumeRole for the roles the test allows.
// Temporary keys carry the role's account, so later requests are answered from that account's estate.

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function wrap(operation: string, result: string): string {
  return `<${operation}Response xmlns="${XMLNS}"><${operation}Result>${result}</${operation}Result><ResponseMetadata><RequestId>fake-request</RequestId></ResponseMetadata></${operation}Response>`;
}

export function stsErrorXml(code: string, message: string, requestId: string): string {
  return `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message.replace(/[<>&]/g, '')}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}

let sessions = 0;

/** Shaped like a real session token (long, base64), so tests that look for leaked credentials look for that shape. */
export function sessionToken(account: string): string {
  return `IQoJb3JpZ2luX2VjEFAKE${Buffer.from(`wspl-fake-session-${account}-${'x'.repeat(48)}`).toString('base64')}`;
}

export function stsAnswer(
  operation: string,
  req: Record<string, unknown>,
  account: string,
  roles: readonly string[],
): { xml: string } | { error: string; status: number; code: string } {
  if (operation === 'GetCallerIdentity') {
    return {
      xml: wrap(
        operation,
        `<Arn>arn:aws:iam::${account}:user/wspl-test</Arn><UserId>AIDAFAKE${account}</UserId><Account>${account}</Account>`,
      ),
    };
  }
  if (operation === 'AssumeRole') {
    const arn = String(req.RoleArn ?? '');
    const target = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(arn);
    if (!target || !roles.includes(arn)) {
      return {
        status: 403,
        code: 'AccessDenied',
        error: `User: arn:aws:iam::${account}:user/wspl-test is not authorized to perform: sts:AssumeRole on resource: ${arn}`,
      };
    }
    const [, roleAccount = '', roleName = ''] = target;
    const session = String(req.RoleSessionName ?? 'wspl');
    sessions++;
    const expiration = new Date(Date.now() + 3600_000).toISOString();
    return {
      xml: wrap(
        operation,
        `<Credentials><AccessKeyId>ASIA${roleAccount}${String(sessions % 10000).padStart(4, '0')}</AccessKeyId><SecretAccessKey>wspl-fake-temporary-secret</SecretAccessKey><SessionToken>${sessionToken(roleAccount)}</SessionToken><Expiration>${expiration}</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROAFAKE${roleAccount}:${session}</AssumedRoleId><Arn>arn:aws:sts::${roleAccount}:assumed-role/${roleName}/${session}</Arn></AssumedRoleUser>`,
      ),
    };
  }
  return { status: 400, code: 'InvalidAction', error: `${operation} is not served by the fake` };
}
