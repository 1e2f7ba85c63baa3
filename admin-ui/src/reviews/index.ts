import FactCheckIcon from '@mui/icons-material/FactCheck';
import { ReviewList } from './ReviewList';
import { ReviewShow } from './ReviewShow';

/** 人工审核 (V1–V3): queues, the case view and the clerks' decisions. Cases come from the portal. */
export default {
    list: ReviewList,
    show: ReviewShow,
    icon: FactCheckIcon,
    recordRepresentation: 'id',
};
