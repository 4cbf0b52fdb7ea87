// /parents and /parents/download read the same request: school, half-term, year group and pupil list,
// after checking the user may see pupils and the school (403 otherwise).
import type { SessionUser } from '../auth/roles';
import { scopedRequest } from '../pack/access';
import { parentsReport, parseUpns, type ParentsReport } from './parents';

export async function parentsForRequest(url: URL, user: SessionUser | null | undefined): Promise<ParentsReport & { school: number | null; upnText: string }> {
	const { warehouse, school, halfTermDate, yearGroup } = await scopedRequest(url, user, 'pupils');
	const upnText = url.searchParams.get('upns') ?? '';
	const upns = parseUpns(upnText);
	const report = await parentsReport(warehouse, { school, schools: user?.schools ?? null, halfTermDate, yearGroup, upns });
	return { ...report, school, upnText };
}
