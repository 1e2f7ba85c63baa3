// The API's one Temporal client, with the same payload codec as the workers.
import { Client, Connection } from '@temporalio/client';
import { dataConverterFor } from '../activities/codec';
import { temporalAddressOf, type Config } from '../scripts/config';

export async function connectClient(config: Config): Promise<Client> {
  const connection = await Connection.connect({ address: temporalAddressOf(config) });
  return new Client({ connection, namespace: config.temporalNamespace, dataConverter: dataConverterFor(config.secretKey) });
}
