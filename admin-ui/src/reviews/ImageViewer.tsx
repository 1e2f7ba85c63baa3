import { useState } from 'react';
import { Box, Button, ButtonGroup, Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

export interface ReviewImage {
    id: string;
    kind: string;
    width: number;
    height: number;
    url: string; // served to staff only (session cookie)
}

/** One uploaded image: zoom in / out, rotate, full size in a new tab. */
export const ImageViewer = ({ image }: { image: ReviewImage }) => {
    const translate = useTranslate();
    const [zoom, setZoom] = useState(1);
    const [rotation, setRotation] = useState(0);
    return (
        <Card variant="outlined" sx={{ mb: 2 }}>
            <CardContent>
                <Typography variant="subtitle2" gutterBottom>
                    {translate(`sw.review.uploadKind.${image.kind}`, { _: image.kind })} · {image.width}×{image.height}
                </Typography>
                <ButtonGroup size="small" sx={{ mb: 1 }}>
                    <Button onClick={() => setZoom((z) => Math.min(4, z * 1.25))}>{translate('sw.review.zoomIn')}</Button>
                    <Button onClick={() => setZoom((z) => Math.max(0.25, z / 1.25))}>{translate('sw.review.zoomOut')}</Button>
                    <Button onClick={() => setRotation((r) => (r + 90) % 360)}>{translate('sw.review.rotate')}</Button>
                    <Button onClick={() => { setZoom(1); setRotation(0); }}>{translate('sw.review.resetView')}</Button>
                    <Button href={image.url} target="_blank" rel="noopener">{translate('sw.review.fullSize')}</Button>
                </ButtonGroup>
                <Box sx={{ overflow: 'auto', maxHeight: 480, border: '1px solid #ddd', bgcolor: '#fafafa', textAlign: 'center' }}>
                    <img
                        src={image.url}
                        alt={image.kind}
                        data-testid="review-image"
                        style={{ width: `${Math.round(100 * zoom)}%`, transform: `rotate(${rotation}deg)`, transition: 'transform 0.2s' }}
                    />
                </Box>
            </CardContent>
        </Card>
    );
};
